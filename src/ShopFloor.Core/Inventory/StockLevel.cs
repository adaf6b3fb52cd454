namespace ShopFloor.Core.Inventory;

/// <summary>
/// The running figures of one variant at one location (R-INV-1..5). Only <see cref="StockLedger"/> changes
/// them, and in stock always equals the sum of the variant's movements there.
/// </summary>
public sealed class StockLevel
{
    private StockLevel() { }

    public long VariantId { get; private set; }
    public long LocationId { get; private set; }
    public decimal InStock { get; internal set; }
    public decimal Committed { get; internal set; }
    public decimal Expected { get; internal set; }

    /// <summary>R-INV-5: kits only; null for everything else.</summary>
    public decimal? Potential { get; internal set; }

    /// <summary>R-INV-4: what a sales channel can sell.</summary>
    public decimal Available => InStock - Committed;

    public StockKey Key => new(VariantId, LocationId);
}

public readonly record struct StockKey(long VariantId, long LocationId) : IComparable<StockKey>
{
    public int CompareTo(StockKey other) =>
        VariantId != other.VariantId ? VariantId.CompareTo(other.VariantId) : LocationId.CompareTo(other.LocationId);
}
