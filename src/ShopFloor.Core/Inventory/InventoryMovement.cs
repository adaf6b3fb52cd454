namespace ShopFloor.Core.Inventory;

/// <summary>R-INV-1: one immutable change of in-stock quantity, with the document row that caused it.</summary>
public sealed class InventoryMovement
{
    private InventoryMovement() { }

    internal InventoryMovement(StockLevel after, decimal quantityChange, MovementCause cause, DateTime now)
    {
        VariantId = after.VariantId;
        LocationId = after.LocationId;
        QuantityChange = quantityChange;
        BalanceAfter = after.InStock;
        ValueInStockAfter = after.ValueInStock;
        AverageCostAfter = after.AverageCost;
        ResourceType = cause.ResourceType;
        ResourceId = cause.ResourceId;
        CausedByOrderNo = cause.OrderNo;
        CausedByResourceId = cause.DocumentId;
        ValuePerUnit = cause.CostPerUnit;
        MovementDate = CreatedAt = now;
    }

    public long Id { get; private set; }
    public long VariantId { get; private set; }
    public long LocationId { get; private set; }
    public MovementResourceType ResourceType { get; private set; }
    public long ResourceId { get; private set; }
    public string? CausedByOrderNo { get; private set; }
    public long? CausedByResourceId { get; private set; }
    public decimal QuantityChange { get; private set; }
    public decimal BalanceAfter { get; private set; }
    public decimal? ValuePerUnit { get; private set; }
    public decimal ValueInStockAfter { get; private set; }
    public decimal AverageCostAfter { get; private set; }
    public DateTime MovementDate { get; private set; }
    public DateTime CreatedAt { get; private set; }
}

/// <summary>The document row behind a movement: e.g. a stock adjustment row within adjustment "SA-12".</summary>
public sealed record MovementCause(
    MovementResourceType ResourceType,
    long ResourceId,
    long? DocumentId = null,
    string? OrderNo = null,
    decimal? CostPerUnit = null);
