using ShopFloor.Core.Common;

namespace ShopFloor.Core.Inventory;

/// <summary>R-ADJ-1: a document that changes stock at one location, one row per variant.</summary>
public sealed class StockAdjustment : IStockDocument
{
    private readonly List<StockAdjustmentRow> _rows = [];

    private StockAdjustment() { }

    public StockAdjustment(string number, long locationId, string? reason, DateTime date, DateTime now)
    {
        StockAdjustmentNumber = Guard.Required(number, "stock_adjustment_number");
        LocationId = locationId;
        Reason = reason;
        StockAdjustmentDate = date;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public string StockAdjustmentNumber { get; private set; } = "";
    public DateTime StockAdjustmentDate { get; private set; }
    public long LocationId { get; private set; }
    public string? Reason { get; private set; }
    public string? AdditionalInfo { get; set; }
    public DateTime CreatedAt { get; private set; }
    public IReadOnlyList<StockAdjustmentRow> Rows => _rows;

    public void AddRow(long variantId, decimal quantity, decimal? costPerUnit)
    {
        var index = _rows.Count;
        Guard.NonZero(quantity, $"stock_adjustment_rows[{index}].quantity");
        Guard.NotNegative(costPerUnit, $"stock_adjustment_rows[{index}].cost_per_unit");
        _rows.Add(new StockAdjustmentRow(variantId, quantity, costPerUnit));
    }

    public IEnumerable<StockChange> Footprint() => StockChanges();

    /// <summary>PATCH of the header; a new location moves every row's stock there (the ledger applies the difference).</summary>
    public void Change(string? number, DateTime? date, long? locationId, string? reason, string? additionalInfo)
    {
        if (number is not null) StockAdjustmentNumber = Guard.Required(number, "stock_adjustment_number");
        if (date is { } d) StockAdjustmentDate = d;
        if (locationId is { } l) LocationId = l;
        if (reason is not null) Reason = reason;
        if (additionalInfo is not null) AdditionalInfo = additionalInfo;
    }

    public IEnumerable<StockChange> StockChanges() => _rows.Select(r => new StockChange(
        r.VariantId, LocationId, InStock: r.Quantity,
        Cause: new MovementCause(MovementResourceType.StockAdjustmentRow, r.Id, Id, StockAdjustmentNumber, r.CostPerUnit)));
}

public sealed class StockAdjustmentRow
{
    private StockAdjustmentRow() { }

    internal StockAdjustmentRow(long variantId, decimal quantity, decimal? costPerUnit)
    {
        VariantId = variantId;
        Quantity = quantity;
        CostPerUnit = costPerUnit;
    }

    public long Id { get; private set; }
    public long StockAdjustmentId { get; private set; }
    public long VariantId { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal? CostPerUnit { get; private set; }
}
