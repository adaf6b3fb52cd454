using System.Text.Json;
using ShopFloor.Core.Common;

namespace ShopFloor.Api;

/// <summary>Katana's status spelling: NOT_SHIPPED, PARTIALLY_RECEIVED, IN_PROGRESS.</summary>
public static class EnumNames
{
    public static string Upper<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());

    public static T Parse<T>(string? text, string field) where T : struct, Enum =>
        Enum.GetValues<T>().FirstOrDefault(v => Upper(v) == text?.ToUpperInvariant()) is var value && Upper(value) == text?.ToUpperInvariant()
            ? value
            : throw new ValidationFailedException(field, $"must be one of {string.Join(", ", Enum.GetValues<T>().Select(Upper))}");
}
