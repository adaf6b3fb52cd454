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

    /// <summary>The stock kept back for unexpected demand: a level below it is due for reordering.</summary>
    public decimal SafetyStockLevel { get; set; }

    /// <summary>Moving average cost per unit: goods in at their cost, goods out at the average.</summary>
    public decimal AverageCost { get; private set; }

    public decimal ValueInStock { get; private set; }

    /// <summary>Values a change of in-stock quantity (already applied to <see cref="InStock"/>).</summary>
    internal void Value(decimal quantityChange, decimal? costPerUnit)
    {
        if (quantityChange > 0 && costPerUnit is { } cost)
            ValueInStock += quantityChange * cost;
        else
            ValueInStock += quantityChange * AverageCost;
        if (InStock > 0)
            AverageCost = Math.Round(ValueInStock / InStock, 6);
        else
            ValueInStock = InStock * AverageCost;
    }

    public StockKey Key => new(VariantId, LocationId);
}

public readonly record struct StockKey(long VariantId, long LocationId) : IComparable<StockKey>
{
    public int CompareTo(StockKey other) =>
        VariantId != other.VariantId ? VariantId.CompareTo(other.VariantId) : LocationId.CompareTo(other.LocationId);
}
