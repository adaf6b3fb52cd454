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
    private readonly List<PurchaseOrderCostRow> _costRows = [];

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
    public IReadOnlyList<PurchaseOrderCostRow> CostRows => _costRows;

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
        Cause: new MovementCause(MovementResourceType.PurchaseOrderRow, r.Id, Id, OrderNo, LandedCost(r))));

    public PurchaseOrderCostRow AddCost(long additionalCostId, long taxRateId, decimal price, CostDistribution distribution, DateTime now)
    {
        var row = new PurchaseOrderCostRow(additionalCostId, taxRateId, Guard.NotNegative(price, "price") ?? 0, distribution, now);
        _costRows.Add(row);
        UpdatedAt = now;
        return row;
    }

    public PurchaseOrderCostRow ChangeCost(long costRowId, long? additionalCostId, long? taxRateId, decimal? price, CostDistribution? distribution, DateTime now)
    {
        var row = _costRows.FirstOrDefault(r => r.Id == costRowId) ?? throw new NotFoundException("Purchase order additional cost row", costRowId);
        if (additionalCostId is { } cost) row.AdditionalCostId = cost;
        if (taxRateId is { } tax) row.TaxRateId = tax;
        if (price is { } p) row.Price = Guard.NotNegative(p, "price") ?? 0;
        if (distribution is { } d) row.Distribution = d;
        row.UpdatedAt = UpdatedAt = now;
        return row;
    }

    public PurchaseOrderCostRow RemoveCost(long costRowId, DateTime now)
    {
        var row = _costRows.FirstOrDefault(r => r.Id == costRowId) ?? throw new NotFoundException("Purchase order additional cost row", costRowId);
        _costRows.Remove(row);
        UpdatedAt = now;
        return row;
    }

    /// <summary>
    /// What a unit of the row costs on arrival: its price plus its share of the costs spread by value (by quantity
    /// when every row is free). Goods received take this value; costs entered after a receipt do not revalue it.
    /// </summary>
    public decimal LandedCost(PurchaseOrderRow row)
    {
        var spread = _costRows.Where(c => c.Distribution == CostDistribution.ByValue).Sum(c => c.Price);
        if (spread == 0)
            return row.PricePerUnit;
        var totalValue = _rows.Sum(r => r.Quantity * r.PricePerUnit);
        var share = totalValue > 0 ? spread * row.PricePerUnit / totalValue : spread / _rows.Sum(r => r.Quantity);
        return Math.Round(row.PricePerUnit + share, 6);
    }

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
