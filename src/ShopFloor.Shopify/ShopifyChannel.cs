using ShopFloor.Core.Sales;

namespace ShopFloor.Shopify;

/// <summary>The Shopify adapter's name on what the sync core keeps for every channel (inbox deliveries, sales orders).</summary>
public static class ShopifyChannel
{
    public const string Name = SalesOrderSource.Shopify;
}
