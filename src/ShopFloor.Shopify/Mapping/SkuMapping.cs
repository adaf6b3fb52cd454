namespace ShopFloor.Shopify.Mapping;

/// <summary>
/// R-IMP-2: one Shopify variant of one store and the ShopFloor variant it syncs with (SKU = variant code,
/// case-sensitive). Every import and the live sync rely on it.
/// </summary>
public sealed class SkuMapping
{
    private SkuMapping() { }

    public SkuMapping(long storeId, string shopifyVariantId, DateTime now)
    {
        StoreId = storeId;
        ShopifyVariantId = shopifyVariantId;
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public long StoreId { get; private set; }
    public string ShopifyProductId { get; set; } = "";
    public string ShopifyVariantId { get; private set; } = "";
    public string ShopifyInventoryItemId { get; set; } = "";
    public string Sku { get; set; } = "";
    public long VariantId { get; set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? LastSyncedAt { get; set; }
}

/// <summary>R-IMP-3 / R-CUS-1: which ShopFloor customer a Shopify customer of a store is.</summary>
public sealed class CustomerLink
{
    private CustomerLink() { }

    public CustomerLink(long storeId, string shopifyCustomerId, long customerId)
    {
        StoreId = storeId;
        ShopifyCustomerId = shopifyCustomerId;
        CustomerId = customerId;
    }

    public long Id { get; private set; }
    public long StoreId { get; private set; }
    public string ShopifyCustomerId { get; private set; } = "";
    public long CustomerId { get; private set; }
}
