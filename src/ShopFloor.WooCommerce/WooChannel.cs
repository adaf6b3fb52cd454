using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Sales;

namespace ShopFloor.WooCommerce;

/// <summary>The WooCommerce adapter's name on what the sync core keeps for every channel (inbox deliveries, sync-log lines, sales orders).</summary>
public static class WooChannel
{
    public const string Name = SalesOrderSource.WooCommerce;

    /// <summary>A WooCommerce store as the sync log names it.</summary>
    public static ChannelStore Store(long storeId) => new(Name, storeId);
}
