namespace ShopFloor.Core.Common;

/// <summary>Field checks that throw <see cref="ValidationFailedException"/> naming the API field.</summary>
public static class Guard
{
    /// <summary>Shopify refuses inventory quantities beyond ±1,000,000,000, so ShopFloor takes none larger.</summary>
    public const decimal MaxQuantity = 1_000_000_000m;

    /// <summary>Prices and costs: far beyond any real one, well inside the database's numeric(20,6).</summary>
    public const decimal MaxMoney = 1_000_000_000_000m;

    /// <summary>Rows one document may have: enough for any real order, few enough to keep its transaction short.</summary>
    public const int MaxRows = 1_000;

    public static void RowCount(int count, string field, bool mayBeEmpty = false)
    {
        if (count == 0 && !mayBeEmpty)
            throw new ValidationFailedException(field, "must contain at least one row");
        if (count > MaxRows)
            throw new ValidationFailedException(field, $"may contain at most {MaxRows:#,0} rows; split the document");
    }

    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ValidationFailedException(field, "must not be empty") : value.Trim();

    public static decimal Positive(decimal value, string field) =>
        value > 0 ? WithinQuantityRange(value, field) : throw new ValidationFailedException(field, "must be greater than 0");

    public static decimal NonZero(decimal value, string field) =>
        value != 0 ? WithinQuantityRange(value, field) : throw new ValidationFailedException(field, "must not be 0");

    public static decimal? NotNegative(decimal? value, string field) => value switch
    {
        null => null,
        < 0 => throw new ValidationFailedException(field, "must not be negative"),
        > MaxMoney => throw new ValidationFailedException(field, $"must be at most {MaxMoney:#,0}"),
        _ => value,
    };

    private static decimal WithinQuantityRange(decimal value, string field) =>
        Math.Abs(value) <= MaxQuantity ? value : throw new ValidationFailedException(field, $"must be between -{MaxQuantity:#,0} and {MaxQuantity:#,0}");
}
