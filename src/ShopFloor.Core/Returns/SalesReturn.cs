using ShopFloor.Core.Common;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Core.Returns;

public enum SalesReturnStatus
{
    NotReturned,
    Returned,
}

/// <summary>
/// R-RET-1: goods coming back against a sales order. Rows to restock add stock at the return location once the
/// return is marked returned; refund-only rows add nothing.
/// </summary>
public sealed class SalesReturn : IStockDocument
{
    private readonly List<SalesReturnRow> _rows = [];

    private SalesReturn() { }

    public SalesReturn(string returnNo, long salesOrderId, long locationId, DateTime now)
    {
        ReturnNo = Guard.Required(returnNo, "order_no");
        SalesOrderId = salesOrderId;
        LocationId = locationId;
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public string ReturnNo { get; private set; } = "";
    public long SalesOrderId { get; private set; }
    public long LocationId { get; set; }
    public SalesReturnStatus Status { get; private set; }
    public string? AdditionalInfo { get; set; }
    /// <summary>The store's return or refund this return order follows (a Shopify return, a WooCommerce refund), scoped by its sales order.</summary>
    public string? StoreReturnId { get; set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? ReturnedAt { get; private set; }
    public IReadOnlyList<SalesReturnRow> Rows => _rows;

    public SalesReturnRow AddRow(long salesOrderRowId, long variantId, decimal quantity, bool restock, string? reason, int index)
    {
        var row = new SalesReturnRow(salesOrderRowId, variantId, Guard.Positive(quantity, $"sales_return_rows[{index}].quantity"), restock, reason);
        _rows.Add(row);
        return row;
    }

    /// <summary>
    /// What was really done with the goods (a store's dispositions): per sales-order row, how many went back on
    /// the shelf; the rest of the row is kept as a row that restocks nothing. Only before the return is returned.
    /// </summary>
    public void ApplyDispositions(IReadOnlyDictionary<long, decimal> restockedBySalesOrderRow)
    {
        if (Status == SalesReturnStatus.Returned)
            throw new DomainException($"Return {ReturnNo} is returned already; its rows stay as they were.");
        var left = new Dictionary<long, decimal>(restockedBySalesOrderRow);
        foreach (var row in _rows.ToList())
        {
            var restocked = Math.Clamp(left.GetValueOrDefault(row.SalesOrderRowId), 0, row.Quantity);
            left[row.SalesOrderRowId] = left.GetValueOrDefault(row.SalesOrderRowId) - restocked;
            if (restocked > 0 && restocked < row.Quantity)
                _rows.Add(new SalesReturnRow(row.SalesOrderRowId, row.VariantId, row.Quantity - restocked, restock: false, row.Reason));
            row.Settle(restocked > 0 ? restocked : row.Quantity, restock: restocked > 0);
        }
    }

    /// <summary>
    /// The lines changed before the goods came back (a store's return edited after approval): per sales-order row, how
    /// many come back and why; rows no longer named go. Only before the return is returned.
    /// </summary>
    public void Revise(IReadOnlyDictionary<long, (long VariantId, decimal Quantity, string? Reason)> lines, DateTime now)
    {
        if (Status == SalesReturnStatus.Returned)
            throw new DomainException($"Return {ReturnNo} is returned already; its rows stay as they were.");
        _rows.RemoveAll(r => !lines.ContainsKey(r.SalesOrderRowId));
        foreach (var (salesOrderRowId, line) in lines)
        {
            var rows = _rows.Where(r => r.SalesOrderRowId == salesOrderRowId).ToList();
            if (rows.Count == 0)
                _rows.Add(new SalesReturnRow(salesOrderRowId, line.VariantId, line.Quantity, restock: true, line.Reason));
            else
            {
                rows[0].Revise(line.Quantity, line.Reason);
                _rows.RemoveAll(r => r.SalesOrderRowId == salesOrderRowId && r != rows[0]);
            }
        }
        UpdatedAt = now;
    }

    internal void RemoveRow(long rowId) =>
        _rows.Remove(_rows.FirstOrDefault(r => r.Id == rowId) ?? throw new NotFoundException("Sales return row", rowId));

    public void SetStatus(SalesReturnStatus status, DateTime now)
    {
        Status = status;
        ReturnedAt = status == SalesReturnStatus.Returned ? now : null;
        UpdatedAt = now;
    }

    public IEnumerable<StockChange> Footprint() => Status != SalesReturnStatus.Returned
        ? []
        : _rows.Where(r => r.Restock).Select(r => new StockChange(r.VariantId, LocationId, InStock: r.Quantity,
            Cause: new MovementCause(MovementResourceType.SalesReturnRow, r.Id, Id, ReturnNo)));
}

public sealed class SalesReturnRow
{
    private SalesReturnRow() { }

    internal SalesReturnRow(long salesOrderRowId, long variantId, decimal quantity, bool restock, string? reason)
    {
        SalesOrderRowId = salesOrderRowId;
        VariantId = variantId;
        Quantity = quantity;
        Restock = restock;
        Reason = reason;
    }

    public long Id { get; private set; }
    public long SalesReturnId { get; private set; }
    public long SalesOrderRowId { get; private set; }
    public long VariantId { get; private set; }
    public decimal Quantity { get; private set; }
    public bool Restock { get; private set; }
    public string? Reason { get; private set; }

    internal void Settle(decimal quantity, bool restock) => (Quantity, Restock) = (quantity, restock);

    internal void Change(decimal? quantity, bool? restock, string? reason)
    {
        if (quantity is { } q) Quantity = Guard.Positive(q, "quantity");
        if (restock is { } r) Restock = r;
        if (reason is not null) Reason = reason;
    }

    internal void Revise(decimal quantity, string? reason) => (Quantity, Reason) = (quantity, reason);
}
