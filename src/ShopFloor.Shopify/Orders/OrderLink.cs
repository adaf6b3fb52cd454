namespace ShopFloor.Shopify.Orders;

/// <summary>
/// A Shopify order ShopFloor imported, and the newest version of it applied. When the merchant deletes the sales
/// order, the link stays with no sales order, so the Shopify order is never imported again (R-SYNC-1).
/// </summary>
public sealed class OrderLink
{
    private OrderLink() { }

    public OrderLink(long storeId, string shopifyOrderId, long salesOrderId, DateTime shopifyUpdatedAt)
    {
        StoreId = storeId;
        ShopifyOrderId = shopifyOrderId;
        SalesOrderId = salesOrderId;
        ShopifyUpdatedAt = shopifyUpdatedAt;
    }

    public long Id { get; private set; }
    public long StoreId { get; private set; }
    public string ShopifyOrderId { get; private set; } = "";
    public long? SalesOrderId { get; private set; }

    /// <summary>Shopify's updated_at of the version last applied; older deliveries are stale.</summary>
    public DateTime ShopifyUpdatedAt { get; set; }
}
