namespace ShopFloor.Core.Sales;

/// <summary>
/// R-SYNC-1: a Shopify order whose sales order the merchant deleted. Written in the deletion's transaction; the order
/// sync never imports that Shopify order again. While a sales order lives, it is the one record of its Shopify order.
/// </summary>
public sealed class DeletedShopifyOrder
{
    private DeletedShopifyOrder() { }

    public DeletedShopifyOrder(long storeId, string shopifyOrderId, DateTime now)
    {
        StoreId = storeId;
        ShopifyOrderId = shopifyOrderId;
        DeletedAt = now;
    }

    public long Id { get; private set; }
    public long StoreId { get; private set; }
    public string ShopifyOrderId { get; private set; } = "";
    public DateTime DeletedAt { get; private set; }
}
