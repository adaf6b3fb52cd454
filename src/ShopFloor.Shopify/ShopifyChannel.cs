using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Sales;

namespace ShopFloor.Shopify;

/// <summary>The Shopify adapter's name on what the sync core keeps for every channel (inbox deliveries, sync-log lines, sales orders).</summary>
public static class ShopifyChannel
{
    public const string Name = SalesOrderSource.Shopify;

    /// <summary>A Shopify store as the sync log names it.</summary>
    public static ChannelStore Store(long storeId) => new(Name, storeId);
}
