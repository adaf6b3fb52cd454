using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.WooCommerce.Connection;
using ShopFloor.WooCommerce.Stock;

namespace ShopFloor.WooCommerce.Jobs;

/// <summary>R-SYNC-4's safety net for a WooCommerce store: every linked level compared with the store's, drift repaired, the result in the sync log.</summary>
public sealed class WooReconciler(ShopFloorDbContext db, WooStockPush push, SyncLogWriter log) : IImporter
{
    public string Channel => WooChannel.Name;

    public ImportType Type => ImportType.Reconcile;

    public async Task RunAsync(ImportJob job, Func<Task> saveProgress, CancellationToken ct)
    {
        var store = await db.Set<WooStore>().FirstAsync(s => s.Id == job.StoreId, ct);
        if (!store.Syncing || !store.Settings.InventorySync)
            throw new DomainException("Reconciliation runs while the store syncs its stock: it is disconnected, paused or has inventory sync off.");
        var report = await push.ReconcileAsync(store, ct);
        await db.SaveChangesAsync(ct);
        (job.Total, job.Done) = (report.Compared, report.Compared);
        job.Count("compared", report.Compared);
        job.Count("drifted", report.Drifted);
        job.Count("repaired", report.Repaired);
        if (report.Missing > 0)
            job.Count("missing_in_store", report.Missing);
        await log.OutAsync(WooChannel.Store(store.Id), SyncSubject.Reconcile, report.Drifted == report.Repaired ? SyncOutcome.Ok : SyncOutcome.NeedsAction,
            $"{report.Compared} levels compared, {report.Drifted} differed from ShopFloor's, {report.Repaired} set right"
            + (report.Missing > 0 ? $"; {report.Missing} linked products are no longer in the store" : ""), ct: ct);
    }
}
