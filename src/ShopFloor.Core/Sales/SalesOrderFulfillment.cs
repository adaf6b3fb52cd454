namespace ShopFloor.Core.Sales;

/// <summary>A shipment of some rows: packed (off the shelf, order still open) or delivered.</summary>
public sealed class SalesOrderFulfillment
{
    private readonly List<FulfillmentRow> _rows = [];

    private SalesOrderFulfillment() { }

    internal SalesOrderFulfillment(FulfillmentStatus status, DateTime now)
    {
        Status = status;
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public long SalesOrderId { get; private set; }
    public FulfillmentStatus Status { get; internal set; }
    public string? TrackingNumber { get; set; }
    public string? TrackingUrl { get; set; }
    public string? TrackingCarrier { get; set; }

    /// <summary>Set when the fulfillment came from (or was sent to) the order's store, so the sync never echoes it.</summary>
    public string? StoreFulfillmentId { get; set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; internal set; }
    public IReadOnlyList<FulfillmentRow> Rows => _rows;

    internal void Add(SalesOrderRow row, decimal quantity) => _rows.Add(new FulfillmentRow(row, quantity));

    /// <summary>Takes up to <paramref name="most"/> of a row out of this fulfillment; how much it took.</summary>
    internal decimal Take(SalesOrderRow row, decimal most)
    {
        var taken = 0m;
        foreach (var line in _rows.Where(l => l.Row == row).ToList())
        {
            var part = Math.Min(most - taken, line.Quantity);
            if (part <= 0)
                break;
            line.Reduce(part);
            taken += part;
            if (line.Quantity == 0)
                _rows.Remove(line);
        }
        return taken;
    }
}

public sealed class FulfillmentRow
{
    private FulfillmentRow() { }

    internal FulfillmentRow(SalesOrderRow row, decimal quantity)
    {
        Row = row;
        Quantity = quantity;
    }

    public long Id { get; private set; }
    public long SalesOrderFulfillmentId { get; private set; }
    public long SalesOrderRowId { get; private set; }
    public SalesOrderRow Row { get; private set; } = null!;
    public decimal Quantity { get; private set; }

    internal void Reduce(decimal by) => Quantity -= by;
}
