namespace ShopFloor.Shopify.Mapping;

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
