using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Data;
using ShopFloor.WooCommerce.Client;
using ShopFloor.WooCommerce.Connection;

namespace ShopFloor.WooCommerce.Orders;

public sealed record WooCatchUpReport(int Read, int Applied);

/// <summary>
/// WooCommerce does not send a failed webhook again, so every store's orders modified since the last look are read
/// from the store and applied (R-SYNC-6). An instance takes a store's catch-up with a conditional update, so with
/// several instances each store is caught up by one of them.
/// </summary>
public sealed class WooCatchUp(ShopFloorDbContext db, WooClient woo, WooKeys keys, WooOrderSync orders, IOptions<SyncOptions> options, TimeProvider clock)
{
    // Orders modified a little before the last look are read again: the store's clock and ShopFloor's may differ.
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    /// <summary>The catch-up of every active store whose last one is older than the interval.</summary>
    public async Task RunDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = now - options.Value.CatchUpInterval;
        foreach (var id in await db.Set<WooStore>().Where(s => s.SyncActive && !s.SyncPaused && (s.CatchUpTakenAt == null || s.CatchUpTakenAt < due)).Select(s => s.Id).ToListAsync(ct))
            if (await db.Set<WooStore>().Where(s => s.Id == id && (s.CatchUpTakenAt == null || s.CatchUpTakenAt < due))
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.CatchUpTakenAt, now), ct) == 1)
                await RunAsync(id, ct);
    }

    public async Task<WooCatchUpReport> RunAsync(long storeId, CancellationToken ct)
    {
        var store = await db.Set<WooStore>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, ct)
                    ?? throw new Core.Common.NotFoundException("WooCommerce store", storeId);
        if (!store.Syncing)
            throw new Core.Common.DomainException(store.SyncActive ? "Sync is paused; resume it, and the catch-up runs." : "The store is disconnected.");
        var started = clock.GetUtcNow().UtcDateTime;
        var since = (store.OrdersCheckedUntil ?? store.ConnectedAt) - Overlap;
        var changed = await woo.ListAsync<WooOrder>(keys.CredentialsOf(store),
            $"orders?modified_after={since.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)}&dates_are_gmt=true&orderby=modified&order=asc", ct);
        var applied = 0;
        foreach (var order in changed)
        {
            db.ChangeTracker.Clear();
            if ((await orders.ApplyAsync(store, order, ct)).Applied)
                applied++;
        }
        await db.Set<WooStore>().Where(s => s.Id == storeId).ExecuteUpdateAsync(s => s.SetProperty(x => x.OrdersCheckedUntil, started), ct);
        return new WooCatchUpReport(changed.Count, applied);
    }
}
