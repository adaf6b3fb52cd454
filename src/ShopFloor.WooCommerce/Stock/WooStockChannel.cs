using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.Links;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.WooCommerce.Connection;
using ShopFloor.WooCommerce.Mapping;

namespace ShopFloor.WooCommerce.Stock;

/// <summary>The moved levels at each WooCommerce store's location go to that store; a store that cannot be reached is asked again.</summary>
public sealed class WooStockChannel(ShopFloorDbContext db, WooStockPush push, ILogger<WooStockChannel> logger) : IStockChannel
{
    public string Channel => WooChannel.Name;

    public async Task<bool> PushAsync(IReadOnlyList<StockKey> moved, CancellationToken ct)
    {
        var allDone = true;
        foreach (var store in (await db.Set<WooStore>().AsNoTracking().Where(s => s.SyncActive && !s.SyncPaused).ToListAsync(ct)).Where(s => s.Settings.InventorySync))
        {
            var variantIds = moved.Where(k => k.LocationId == store.LocationId).Select(k => k.VariantId).Distinct().ToList();
            if (variantIds.Count == 0)
                continue;
            var links = await db.LinksOf(WooChannel.Store(store.Id)).Where(l => variantIds.Contains(l.VariantId)).ToListAsync(ct);
            try
            {
                await push.PushAsync(store, links, force: false, ct);
            }
            catch (Exception e) when (e is ChannelException or HttpRequestException or TimeoutException
                                      || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                logger.LogWarning(e, "Stock push to {Store} failed; retrying", store.Url);
                allDone = false;
            }
            await db.SaveChangesAsync(ct); // what was sent before a failure is remembered
        }
        return allDone;
    }
}
