using ShopFloor.Core.Common;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Core.Sales;

/// <summary>
/// R-SO-1..2: an order for a customer. Open rows commit stock (unless the order does not commit for sync);
/// packing takes stock off the shelf and keeps the order open; delivering closes it. The delivery status is
/// derived from the rows, and every change is applied to stock as the difference of <see cref="Footprint"/>.
/// </summary>
public sealed class SalesOrder : IStockDocument
{
    private readonly List<SalesOrderRow> _rows = [];
    private readonly List<SalesOrderFulfillment> _fulfillments = [];

    private SalesOrder() { }

    public SalesOrder(string orderNo, long locationId, long? customerId, DateTime now)
    {
        OrderNo = Guard.Required(orderNo, "order_no");
        LocationId = locationId;
        CustomerId = customerId;
        Source = SalesOrderSource.Manual;
        CreatedAt = UpdatedAt = now;
        Status = SalesOrderStatus.NotShipped;
    }

    public long Id { get; private set; }
    public string OrderNo { get; private set; } = "";
    public long? CustomerId { get; set; }
    public long LocationId { get; private set; }
    public SalesOrderStatus Status { get; private set; }
    public bool IsQuote { get; private set; }
    public bool IsCancelled { get; private set; }
    public bool CommitsStock { get; set; } = true;

    /// <summary>R-SO-3: priority for allotting stock; lower goes first. New orders go last.</summary>
    public long PriorityRank { get; set; }

    public string Source { get; private set; } = SalesOrderSource.Manual;
    public long? StoreId { get; private set; }
    public string? ShopifyOrderId { get; private set; }
    public string? ShopifyOrderName { get; private set; }

    /// <summary>The Shopify order's updated_at of the version last applied: an older delivery is stale (R-SYNC-6).</summary>
    public DateTime? ShopifyUpdatedAt { get; set; }
    public string? Currency { get; set; }
    public string? AdditionalInfo { get; set; }

    /// <summary>When the customer was promised the goods (Katana's delivery_date); the Sell screen sorts by it.</summary>
    public DateTime? DeliveryDate { get; set; }

    /// <summary>Where it ships and who pays, as Katana's sales order addresses (entity_type shipping or billing).</summary>
    public List<SalesOrderAddress> Addresses { get; set; } = [];

    public List<string> Tags { get; set; } = [];
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? DeliveredAt { get; private set; }
    public IReadOnlyList<SalesOrderRow> Rows => _rows;
    public IReadOnlyList<SalesOrderFulfillment> Fulfillments => _fulfillments;

    public bool IsOpen => SalesOrderLists.IsOpen(Status);

    /// <summary>An order of a sales channel that keeps its own link to the order (WooCommerce).</summary>
    public void SetChannelSource(string channel) => Source = channel;

    public void SetShopifySource(long storeId, string shopifyOrderId, string? name, DateTime? updatedAt = null)
    {
        Source = SalesOrderSource.Shopify;
        StoreId = storeId;
        ShopifyOrderId = shopifyOrderId;
        ShopifyOrderName = name;
        ShopifyUpdatedAt = updatedAt;
    }

    public SalesOrderRow AddRow(SalesRowKind kind, long? variantId, bool tracksStock, decimal quantity, decimal pricePerUnit, long? locationId)
    {
        EnsureOpen();
        var row = new SalesOrderRow(kind, variantId, tracksStock, quantity, pricePerUnit, locationId ?? LocationId, _rows.Count);
        _rows.Add(row);
        Derive();
        return row;
    }

    /// <summary>Moves the order, and the rows that ship from its location, to another location.</summary>
    public void MoveTo(long locationId)
    {
        if (_fulfillments.Count > 0)
            throw new DomainException("The order has packed or delivered rows; its location cannot change.");
        foreach (var row in _rows.Where(r => r.LocationId == LocationId))
            row.LocationId = locationId;
        LocationId = locationId;
    }

    public void RemoveRow(SalesOrderRow row)
    {
        if (row.Packed + row.Delivered > 0)
            throw new DomainException($"Row {row.Id} is packed or delivered; revert its fulfillment first.");
        _rows.Remove(row);
        Derive();
    }

    public void MakeQuote(bool isQuote)
    {
        if (isQuote && _fulfillments.Count > 0)
            throw new DomainException("An order with fulfillments cannot become a quote.");
        IsQuote = isQuote;
        Derive();
    }

    public void Cancel(bool cancelled)
    {
        if (cancelled && _fulfillments.Count > 0)
            throw new DomainException("The order has packed or delivered rows; revert those fulfillments before cancelling.");
        IsCancelled = cancelled;
        Derive();
    }

    /// <summary>Packs or delivers the given open quantities (all open rows when none are given).</summary>
    public SalesOrderFulfillment Fulfill(FulfillmentStatus status, IReadOnlyList<(long RowId, decimal Quantity)>? rows, DateTime now)
    {
        EnsureOpen();
        if (IsQuote)
            throw new DomainException("A quote (PENDING) cannot be packed or delivered.");
        var lines = rows is { Count: > 0 }
            ? rows.Select((r, i) => (Row: RowOrThrow(r.RowId, $"sales_order_fulfillment_rows[{i}].sales_order_row_id"), r.Quantity, Index: i)).ToList()
            : _rows.Where(r => r.IsFulfillable && r.Open > 0).Select((r, i) => (Row: r, Quantity: r.Open, Index: i)).ToList();
        if (lines.Count == 0)
            throw new DomainException("Nothing is left to pack or deliver on this order.");

        var fulfillment = new SalesOrderFulfillment(status, now);
        foreach (var (row, quantity, index) in lines)
        {
            Guard.Positive(quantity, $"sales_order_fulfillment_rows[{index}].quantity");
            if (quantity > row.Open)
                throw new ValidationFailedException($"sales_order_fulfillment_rows[{index}].quantity",
                    $"{quantity} is more than the {row.Open} still open on row {row.Id}");
            fulfillment.Add(row, quantity);
            Count(row, status, quantity);
        }
        _fulfillments.Add(fulfillment);
        Derive(now);
        return fulfillment;
    }

    /// <summary>
    /// A shipment made outside ShopFloor: each row's packed quantity ships first (taken from its packed
    /// fulfillments), then open quantity. What is already delivered is never delivered twice.
    /// </summary>
    public SalesOrderFulfillment? DeliverShipped(IReadOnlyList<(long RowId, decimal Quantity)> rows, ShipmentInfo shipment, DateTime now)
    {
        if (IsCancelled || IsQuote)
            return null;
        var delivered = new SalesOrderFulfillment(FulfillmentStatus.Delivered, now)
        {
            StoreFulfillmentId = shipment.StoreFulfillmentId,
            TrackingNumber = shipment.TrackingNumber,
            TrackingUrl = shipment.TrackingUrl,
            TrackingCarrier = shipment.TrackingCarrier,
        };
        foreach (var (rowId, wanted) in rows)
        {
            var row = _rows.FirstOrDefault(r => r.Id == rowId);
            if (row is null || !row.IsFulfillable)
                continue;
            var fromPacked = Math.Min(wanted, row.Packed);
            foreach (var packed in _fulfillments.Where(f => f.Status == FulfillmentStatus.Packed).ToList())
            {
                var taken = packed.Take(row, fromPacked);
                if (taken == 0)
                    continue;
                row.Packed -= taken;
                fromPacked -= taken;
                if (packed.Rows.Count == 0)
                    _fulfillments.Remove(packed);
            }
            var quantity = Math.Min(wanted, row.Open);
            if (quantity <= 0)
                continue;
            delivered.Add(row, quantity);
            row.Delivered += quantity;
        }
        if (delivered.Rows.Count == 0)
            return null;
        _fulfillments.Add(delivered);
        Derive(now);
        return delivered;
    }

    /// <summary>True when a store's order has delivered rows the store has not been told of (R-SYNC-3).</summary>
    public bool HasDeliveriesTheStoreLacks =>
        Source != SalesOrderSource.Manual && _fulfillments.Any(f => f.Status == FulfillmentStatus.Delivered && f.StoreFulfillmentId is null);

    public void ChangeFulfillmentStatus(SalesOrderFulfillment fulfillment, FulfillmentStatus status, DateTime now)
    {
        if (fulfillment.Status == status)
            return;
        foreach (var line in fulfillment.Rows)
        {
            Count(line.Row, fulfillment.Status, -line.Quantity);
            Count(line.Row, status, line.Quantity);
        }
        fulfillment.Status = status;
        fulfillment.UpdatedAt = now;
        Derive(now);
    }

    /// <summary>Reverts a fulfillment: its rows are open again and their stock goes back on the shelf.</summary>
    public void RemoveFulfillment(SalesOrderFulfillment fulfillment, DateTime now)
    {
        foreach (var line in fulfillment.Rows)
            Count(line.Row, fulfillment.Status, -line.Quantity);
        _fulfillments.Remove(fulfillment);
        Derive(now);
    }

    /// <summary>Sets a delivery status the way a merchant would from the order list.</summary>
    public void SetStatus(SalesOrderStatus status, DateTime now)
    {
        switch (status)
        {
            case SalesOrderStatus.Pending:
                MakeQuote(true);
                break;
            case SalesOrderStatus.Cancelled:
                Cancel(true);
                break;
            case SalesOrderStatus.NotShipped:
                foreach (var f in _fulfillments.ToList())
                    RemoveFulfillment(f, now);
                IsQuote = IsCancelled = false;
                break;
            case SalesOrderStatus.Packed:
                IsQuote = IsCancelled = false;
                foreach (var f in _fulfillments.Where(f => f.Status == FulfillmentStatus.Delivered).ToList())
                    ChangeFulfillmentStatus(f, FulfillmentStatus.Packed, now);
                if (_rows.Any(r => r.IsFulfillable && r.Open > 0))
                    Fulfill(FulfillmentStatus.Packed, null, now);
                break;
            case SalesOrderStatus.Delivered:
                IsQuote = IsCancelled = false;
                foreach (var f in _fulfillments.Where(f => f.Status == FulfillmentStatus.Packed).ToList())
                    ChangeFulfillmentStatus(f, FulfillmentStatus.Delivered, now);
                if (_rows.Any(r => r.IsFulfillable && r.Open > 0))
                    Fulfill(FulfillmentStatus.Delivered, null, now);
                break;
            default:
                throw new ValidationFailedException("status", $"{status} is derived from the rows and cannot be set; pack or deliver rows instead");
        }
        Derive(now);
    }

    /// <summary>What this order takes from stock (packed and delivered) and commits (open rows), per row.</summary>
    public IEnumerable<StockChange> Footprint() =>
        IsCancelled || IsQuote
            ? []
            : _rows.Where(r => r.TracksStock).Select(r => new StockChange(
                r.VariantId!.Value, r.LocationId,
                InStock: -(r.Packed + r.Delivered),
                Committed: CommitsStock ? r.Open : 0,
                Cause: new MovementCause(MovementResourceType.SalesOrderRow, r.Id, Id, OrderNo)));

    public SalesOrderRow RowOrThrow(long rowId, string field) =>
        _rows.FirstOrDefault(r => r.Id == rowId) ?? throw new ValidationFailedException(field, $"row {rowId} is not on sales order {Id}");

    public void Touch(DateTime now) => UpdatedAt = now;

    private static void Count(SalesOrderRow row, FulfillmentStatus status, decimal quantity)
    {
        if (status == FulfillmentStatus.Packed)
            row.Packed += quantity;
        else
            row.Delivered += quantity;
    }

    private void EnsureOpen()
    {
        if (Status == SalesOrderStatus.Delivered)
            throw new DomainException($"Sales order {OrderNo} is delivered (done); revert its delivery first.");
        if (IsCancelled)
            throw new DomainException($"Sales order {OrderNo} is cancelled.");
    }

    private void Derive(DateTime? now = null)
    {
        var rows = _rows.Where(r => r.IsFulfillable).ToList();
        var ordered = rows.Sum(r => r.Quantity);
        var delivered = rows.Sum(r => r.Delivered);
        var shipped = rows.Sum(r => r.Packed) + delivered;
        Status = IsCancelled ? SalesOrderStatus.Cancelled
            : IsQuote ? SalesOrderStatus.Pending
            : ordered > 0 && delivered == ordered ? SalesOrderStatus.Delivered
            : delivered > 0 ? SalesOrderStatus.PartiallyDelivered
            : ordered > 0 && shipped == ordered ? SalesOrderStatus.Packed
            : shipped > 0 ? SalesOrderStatus.PartiallyPacked
            : SalesOrderStatus.NotShipped;
        DeliveredAt = Status == SalesOrderStatus.Delivered ? DeliveredAt ?? now : null;
        if (now is { } time)
            UpdatedAt = time;
    }
}
