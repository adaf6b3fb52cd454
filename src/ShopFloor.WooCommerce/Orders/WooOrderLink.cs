namespace ShopFloor.WooCommerce.Orders;

/// <summary>
/// A WooCommerce order and the sales order it became, with the version applied (the order's date_modified_gmt): an
/// older read is stale. The sales order's source says WooCommerce; this link says which store's which order. When
/// the merchant deletes the sales order the link stays, without it, so the order is never imported again.
/// </summary>
public sealed class WooOrderLink
{
    private WooOrderLink() { }

    public WooOrderLink(long storeId, long wooOrderId, long? salesOrderId, DateTime appliedVersion)
    {
        StoreId = storeId;
        WooOrderId = wooOrderId;
        SalesOrderId = salesOrderId;
        AppliedVersion = appliedVersion;
    }

    public long Id { get; private set; }
    public long StoreId { get; private set; }
    public long WooOrderId { get; private set; }
    public long? SalesOrderId { get; private set; }
    public DateTime AppliedVersion { get; set; }

    /// <summary>
    /// The store's refunds already followed: by the rows of an order still open (what is refunded does not ship), or
    /// by a return order of one already delivered. A refund is followed once.
    /// </summary>
    public List<long> SettledRefunds { get; set; } = [];

    /// <summary>Set once ShopFloor marked the order completed in the store, so it is done once.</summary>
    public bool CompletedInStore { get; set; }
}
