namespace ShopFloor.Shopify.Connection;

/// <summary>A location of a connected store and the ShopFloor location it maps to (R-CFG-2).</summary>
public sealed class ShopifyLocation
{
    private ShopifyLocation() { }

    public ShopifyLocation(long storeId, string shopifyLocationId, string name)
    {
        StoreId = storeId;
        ShopifyLocationId = shopifyLocationId;
        Name = name;
    }

    public long Id { get; private set; }
    public long StoreId { get; private set; }
    public string ShopifyLocationId { get; private set; } = "";
    public string Name { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public long? LocationId { get; set; }
}
