using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Outbox;
using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Outbox;
using ShopFloor.Shopify.SyncLog;

namespace ShopFloor.Shopify.Stock;

/// <summary>
/// R-SYNC-4: consumes the ledger's inventory.changed events. A burst settles first, so many changes to one item
/// send its latest value once; the values are read when sending, never taken from the events. A store that cannot
/// be reached keeps the events unprocessed and is retried; the other stores remember what they already have.
/// </summary>
public sealed class StockPushWorker(IServiceScopeFactory scopes, IOptions<SyncOptions> options, TimeProvider clock, ILogger<StockPushWorker> logger)
    : OutboxWorker(scopes, options, clock, logger)
{
    protected override string Topic => InventoryChanged.Topic;

    protected override int BatchSize => 20_000;

    protected override TimeSpan SettleTime => Options.StockCoalesceWindow;

    protected override async Task<bool> HandleAsync(IServiceProvider services, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        var keys = messages.Select(InventoryChanged.Parse).Select(e => new StockKey(e.VariantId, e.LocationId)).Distinct().ToList();
        var stockTargets = services.GetRequiredService<StockTargets>();
        var db = services.GetRequiredService<ShopFloorDbContext>();
        var pusher = services.GetRequiredService<StockPusher>();
        var log = services.GetRequiredService<SyncLogWriter>();
        var writeLock = services.GetRequiredService<StockWriteLock>();
        var allDone = true;
        foreach (var storeId in await stockTargets.SyncingStoresAsync(null, ct))
        {
            var store = await db.Set<ShopifyStore>().AsNoTracking().FirstAsync(s => s.Id == storeId, ct);
            await using var writer = await writeLock.AcquireAsync(db, storeId, ct);
            try
            {
                var targets = await stockTargets.ForAsync(keys, ct, storeId);
                if (targets.Count == 0)
                    continue;
                var report = await pusher.PushAsync(store, targets, ct);
                if (report.Sent > 0 || report.Rejected > 0)
                    await log.OutAsync(store.Id, SyncSubject.Stock, report.Rejected > 0 ? SyncOutcome.NeedsAction : SyncOutcome.Ok,
                        $"Available set for {report.Sent} levels in {report.Calls} calls" + (report.Rejected > 0 ? $"; {report.Rejected} refused" : ""), ct: ct);
                await db.SaveChangesAsync(ct);
            }
            catch (ShopifyUnauthorizedException)
            {
                db.ChangeTracker.Clear();
                await log.OutAsync(store.Id, SyncSubject.Stock, SyncOutcome.NeedsAction, $"{store.ShopDomain} refused ShopFloor's token; reconnect the store.", ct: ct);
                await db.SaveChangesAsync(ct);
            }
            catch (Exception e) when (e is ShopifyException or HttpRequestException or TimeoutException
                                      || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                db.ChangeTracker.Clear();
                logger.LogWarning(e, "Stock push to {Shop} failed; retrying", store.ShopDomain);
                await log.OutAsync(store.Id, SyncSubject.Stock, SyncOutcome.Failed, $"Stock push failed and will be retried: {e.Message}", ct: ct);
                await db.SaveChangesAsync(ct);
                allDone = false;
            }
        }
        return allDone;
    }
}
