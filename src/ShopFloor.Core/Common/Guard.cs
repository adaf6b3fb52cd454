namespace ShopFloor.Core.Common;

/// <summary>Field checks that throw <see cref="ValidationFailedException"/> naming the API field.</summary>
public static class Guard
{
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ValidationFailedException(field, "must not be empty") : value.Trim();

    public static decimal Positive(decimal value, string field) =>
        value > 0 ? value : throw new ValidationFailedException(field, "must be greater than 0");

    public static decimal NonZero(decimal value, string field) =>
        value != 0 ? value : throw new ValidationFailedException(field, "must not be 0");

    public static decimal? NotNegative(decimal? value, string field) =>
        value is null or >= 0 ? value : throw new ValidationFailedException(field, "must not be negative");
}
