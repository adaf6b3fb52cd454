namespace ShopFloor.Shopify.Stock;

/// <summary>
/// What Shopify's Available is, as far as ShopFloor knows, for one inventory item at one Shopify location: the
/// last value it set or read. Values equal to it are not sent again; it is the compare value of the next set.
/// </summary>
public sealed class PushedLevel
{
    private PushedLevel() { }

    public PushedLevel(long storeId, string shopifyLocationId, string inventoryItemId, long quantity, DateTime now)
    {
        StoreId = storeId;
        ShopifyLocationId = shopifyLocationId;
        InventoryItemId = inventoryItemId;
        Quantity = quantity;
        UpdatedAt = now;
    }

    public long Id { get; private set; }
    public long StoreId { get; private set; }
    public string ShopifyLocationId { get; private set; } = "";
    public string InventoryItemId { get; private set; } = "";
    public long Quantity { get; set; }
    public DateTime UpdatedAt { get; set; }
}
