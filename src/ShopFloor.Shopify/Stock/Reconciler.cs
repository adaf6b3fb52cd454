using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Jobs;

namespace ShopFloor.Shopify.Stock;

/// <summary>
/// R-SYNC-4 reconciliation, nightly and on demand: every level Shopify has is read in one bulk operation, compared
/// with what ShopFloor would set, and the differences are set again. The job's counts report what it checked,
/// what it fixed and which mapped levels Shopify does not stock.
/// </summary>
public sealed class Reconciler(ShopFloorDbContext db, ShopifyLevels shopifyLevels, StockTargets targets, StockPusher pusher,
    StockWriteLock writeLock, SyncLogWriter log, TimeProvider clock) : IImporter
{
    public string Channel => ShopifyChannel.Name;

    public ImportType Type => ImportType.Reconcile;

    public async Task RunAsync(ImportJob job, Func<Task> saveProgress, CancellationToken ct)
    {
        var store = await db.Set<ShopifyStore>().AsNoTracking().FirstAsync(s => s.Id == job.StoreId, ct);
        if (!store.Settings.InventorySync)
        {
            job.Report("store", "Inventory sync is off for this store; nothing was compared.");
            return;
        }
        var readAt = clock.GetUtcNow().UtcDateTime;
        var actual = await shopifyLevels.ReadAsync(store, ct);

        // ShopFloor's values are read, compared and sent as the store's one writer, so a push running meanwhile
        // can neither be overwritten by an older value nor overwrite the repair.
        await using var writer = await writeLock.AcquireAsync(db, store.Id, ct);
        var expected = await targets.ForStoreAsync(store.Id, ct);
        job.Total = expected.Count;
        var stocked = expected.Where(t => actual.ContainsKey((t.ShopifyLocationId, t.InventoryItemId))).ToList();
        foreach (var missing in expected.Except(stocked).Take(50))
            job.Report(missing.InventoryItemId, $"not stocked at Shopify location {missing.ShopifyLocationId}; ShopFloor cannot set it there");

        // What Shopify has: the bulk read, unless a push set the level after the read began (then that push knows better).
        var known = await pusher.KnownAsync(store.Id, stocked, ct);
        var pushedSince = stocked.Where(t => known.TryGetValue((t.ShopifyLocationId, t.InventoryItemId), out var p) && p.UpdatedAt >= readAt).ToHashSet();
        long ShopifyHas(LevelTarget t) => pushedSince.Contains(t) ? known[(t.ShopifyLocationId, t.InventoryItemId)].Quantity : actual[(t.ShopifyLocationId, t.InventoryItemId)];
        var drifted = stocked.Where(t => ShopifyHas(t) != t.Quantity).ToList();

        // What Shopify really has becomes the compare value of the repair.
        await pusher.RememberAsync(store.Id, stocked.Except(pushedSince).Select(t => t with { Quantity = ShopifyHas(t) }), ct);
        var report = await pusher.PushAsync(store, drifted, ct);

        job.Count("checked", stocked.Count);
        job.Count("in_sync", stocked.Count - drifted.Count);
        job.Count("fixed", report.Sent);
        job.Count("not_stocked", expected.Count - stocked.Count);
        job.Done = expected.Count;
        var tracked = await db.Set<ShopifyStore>().FirstAsync(s => s.Id == store.Id, ct);
        tracked.LastReconciledAt = clock.GetUtcNow().UtcDateTime;
        await log.OutAsync(ShopifyChannel.Store(store.Id), SyncSubject.Reconcile, report.Rejected > 0 ? SyncOutcome.NeedsAction : SyncOutcome.Ok,
            $"Reconciliation checked {stocked.Count} levels and fixed {report.Sent}" + (report.Rejected > 0 ? $"; Shopify refused {report.Rejected}" : ""), ct: ct);
        await db.SaveChangesAsync(ct);
    }
}
