using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;

namespace ShopFloor.Shopify.Stock;

/// <summary>
/// R-SYNC-4 for Shopify: the moved levels' Available goes to every syncing store that sells them. A store that
/// cannot be reached keeps the events unprocessed and is retried; the other stores remember what they already have.
/// </summary>
public sealed class ShopifyStockChannel(
    ShopFloorDbContext db, StockTargets stockTargets, StockPusher pusher, SyncLogWriter log, StockWriteLock writeLock, ILogger<ShopifyStockChannel> logger)
    : IStockChannel
{
    public string Channel => ShopifyChannel.Name;

    public async Task<bool> PushAsync(IReadOnlyList<StockKey> moved, CancellationToken ct)
    {
        var allDone = true;
        foreach (var storeId in await stockTargets.SyncingStoresAsync(null, ct))
        {
            var store = await db.Set<ShopifyStore>().AsNoTracking().FirstAsync(s => s.Id == storeId, ct);
            await using var writer = await writeLock.AcquireAsync(db, storeId, ct);
            try
            {
                var targets = await stockTargets.ForAsync(moved, ct, storeId);
                if (targets.Count == 0)
                    continue;
                var report = await pusher.PushAsync(store, targets, ct);
                if (report.Sent > 0 || report.Rejected > 0)
                    await log.OutAsync(ShopifyChannel.Store(store.Id), SyncSubject.Stock, report.Rejected > 0 ? SyncOutcome.NeedsAction : SyncOutcome.Ok,
                        $"Available set for {report.Sent} levels in {report.Calls} calls" + (report.Rejected > 0 ? $"; {report.Rejected} refused" : ""), ct: ct);
                await db.SaveChangesAsync(ct);
            }
            catch (ShopifyUnauthorizedException)
            {
                db.ChangeTracker.Clear();
                await log.OutAsync(ShopifyChannel.Store(store.Id), SyncSubject.Stock, SyncOutcome.NeedsAction, $"{store.ShopDomain} refused ShopFloor's token; reconnect the store.", ct: ct);
                await db.SaveChangesAsync(ct);
            }
            catch (Exception e) when (e is ShopifyException or HttpRequestException or TimeoutException
                                      || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                db.ChangeTracker.Clear();
                logger.LogWarning(e, "Stock push to {Shop} failed; retrying", store.ShopDomain);
                await log.OutAsync(ShopifyChannel.Store(store.Id), SyncSubject.Stock, SyncOutcome.Failed, $"Stock push failed and will be retried: {e.Message}", ct: ct);
                await db.SaveChangesAsync(ct);
                allDone = false;
            }
        }
        return allDone;
    }
}
