using ShopFloor.Core.Common;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Core.Buying;

public enum PurchaseOrderStatus
{
    NotReceived,
    PartiallyReceived,
    Received,
}

/// <summary>R-PO-1: buys variants from a supplier; open quantities are expected, received ones are in stock.</summary>
public sealed class PurchaseOrder : IStockDocument
{
    private readonly List<PurchaseOrderRow> _rows = [];

    private PurchaseOrder() { }

    public PurchaseOrder(string orderNo, long supplierId, long locationId, DateTime now)
    {
        OrderNo = Guard.Required(orderNo, "order_no");
        SupplierId = supplierId;
        LocationId = locationId;
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public string OrderNo { get; private set; } = "";

    public void Renumber(string orderNo) => OrderNo = Guard.Required(orderNo, "order_no");
    public long SupplierId { get; private set; }
    public long LocationId { get; private set; }
    public PurchaseOrderStatus Status { get; private set; }
    public string? Currency { get; set; }
    public DateTime? ExpectedArrivalDate { get; set; }
    public string? AdditionalInfo { get; set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public IReadOnlyList<PurchaseOrderRow> Rows => _rows;

    public PurchaseOrderRow AddRow(long variantId, decimal quantity, decimal pricePerUnit)
    {
        var index = _rows.Count;
        var row = new PurchaseOrderRow(variantId, Guard.Positive(quantity, $"purchase_order_rows[{index}].quantity"),
            Guard.NotNegative(pricePerUnit, $"purchase_order_rows[{index}].price_per_unit") ?? 0);
        _rows.Add(row);
        return row;
    }

    /// <summary>Changes what is still to come of a row; what was received stays.</summary>
    public void ChangeRow(long rowId, decimal? quantity, decimal? pricePerUnit, DateTime now)
    {
        var row = RowOrThrow(rowId);
        if (quantity is { } q)
        {
            Guard.Positive(q, "quantity");
            if (q < row.Received)
                throw new ValidationFailedException("quantity", $"{row.Received} of row {rowId} are received already; the quantity cannot go below that");
            row.Quantity = q;
        }
        if (pricePerUnit is { } price)
            row.PricePerUnit = Guard.NotNegative(price, "price_per_unit") ?? 0;
        Derive(now);
    }

    public PurchaseOrderRow RemoveRow(long rowId, DateTime now)
    {
        var row = RowOrThrow(rowId);
        if (row.Received > 0)
            throw new DomainException($"Row {rowId} is received (in part); set the order back to NOT_RECEIVED before removing it.");
        if (_rows.Count == 1)
            throw new DomainException($"Row {rowId} is the order's last; delete the order instead.");
        _rows.Remove(row);
        Derive(now);
        return row;
    }

    private PurchaseOrderRow RowOrThrow(long rowId) =>
        _rows.FirstOrDefault(r => r.Id == rowId) ?? throw new NotFoundException("Purchase order row", rowId);

    public void Receive(long rowId, decimal quantity, string field, DateTime now)
    {
        var row = _rows.FirstOrDefault(r => r.Id == rowId) ?? throw new ValidationFailedException(field, $"row {rowId} is not on purchase order {Id}");
        Guard.Positive(quantity, "quantity");
        if (quantity > row.Quantity - row.Received)
            throw new ValidationFailedException("quantity", $"{quantity} is more than the {row.Quantity - row.Received} still to receive on row {rowId}");
        row.Received += quantity;
        Derive(now);
    }

    /// <summary>RECEIVED receives everything still open; NOT_RECEIVED takes every receipt back.</summary>
    public void SetStatus(PurchaseOrderStatus status, DateTime now)
    {
        foreach (var row in _rows)
            row.Received = status switch
            {
                PurchaseOrderStatus.Received => row.Quantity,
                PurchaseOrderStatus.NotReceived => 0,
                _ => throw new ValidationFailedException("status", "PARTIALLY_RECEIVED follows from receiving some rows"),
            };
        Derive(now);
    }

    public IEnumerable<StockChange> Footprint() => _rows.Select(r => new StockChange(
        r.VariantId, LocationId, InStock: r.Received, Expected: r.Quantity - r.Received,
        Cause: new MovementCause(MovementResourceType.PurchaseOrderRow, r.Id, Id, OrderNo, r.PricePerUnit)));

    private void Derive(DateTime now)
    {
        var received = _rows.Sum(r => r.Received);

        Status = received == 0 ? PurchaseOrderStatus.NotReceived
            : _rows.All(r => r.Received == r.Quantity) ? PurchaseOrderStatus.Received
            : PurchaseOrderStatus.PartiallyReceived;
        UpdatedAt = now;
    }
}

public sealed class PurchaseOrderRow
{
    private PurchaseOrderRow() { }

    internal PurchaseOrderRow(long variantId, decimal quantity, decimal pricePerUnit)
    {
        VariantId = variantId;
        Quantity = quantity;
        PricePerUnit = pricePerUnit;
    }

    public long Id { get; private set; }
    public long PurchaseOrderId { get; private set; }
    public long VariantId { get; private set; }
    public decimal Quantity { get; internal set; }
    public decimal PricePerUnit { get; internal set; }
    public decimal Received { get; internal set; }
}
