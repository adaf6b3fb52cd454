using ShopFloor.Core.Common;

namespace ShopFloor.Api;

public static class RequestRows
{
    /// <summary>The rows of a request, refusing a null in place of a row (`[null]` is valid JSON, not a row).</summary>
    public static IReadOnlyList<T> Rows<T>(this IReadOnlyList<T?>? rows, string field) where T : class =>
        (rows ?? []).Select((row, i) => row ?? throw new ValidationFailedException($"{field}[{i}]", "must be an object, not null")).ToList();
}
