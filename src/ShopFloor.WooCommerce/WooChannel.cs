using ShopFloor.Core.Sales;

namespace ShopFloor.WooCommerce;

/// <summary>The WooCommerce adapter's name on what the sync core keeps for every channel (inbox deliveries, sales orders).</summary>
public static class WooChannel
{
    public const string Name = SalesOrderSource.WooCommerce;
}
