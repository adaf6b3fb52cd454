using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Links;
using ShopFloor.Core.Channels.Settings;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.WooCommerce.Connection;
using ShopFloor.WooCommerce.Mapping;
using ShopFloor.WooCommerce.Orders;
using ShopFloor.WooCommerce.Stock;

namespace ShopFloor.WooCommerce.Sync;

/// <param name="OrdersRead">Orders the catch-up read on resuming (0 when paused or nothing changed).</param>
public sealed record WooSyncChange(WooStore Store, int OrdersRead, int OrdersApplied, int StockSent);

/// <summary>
/// A merchant pausing and resuming a WooCommerce store's sync, and changing its settings. While paused nothing is
/// imported or sent; resuming reads the orders changed meanwhile (the catch-up) and sends every linked level again.
/// </summary>
public sealed class WooSyncControl(ShopFloorDbContext db, WooCatchUp catchUp, WooStockPush stock, SyncLogWriter log)
{
    public async Task<WooSyncChange> PauseAsync(long storeId, CancellationToken ct)
    {
        var store = await ConnectedAsync(storeId, ct);
        if (!store.SyncPaused)
        {
            store.Pause();
            await db.SaveChangesAsync(ct);
            await log.InAsync(WooChannel.Store(storeId), SyncSubject.Sync, SyncOutcome.Ok, "sync paused: nothing is imported or sent until it resumes", ct: ct);
        }
        return new(store, 0, 0, 0);
    }

    public async Task<WooSyncChange> ResumeAsync(long storeId, CancellationToken ct)
    {
        var store = await ConnectedAsync(storeId, ct);
        if (!store.SyncPaused)
            return new(store, 0, 0, 0);
        store.Resume();
        await db.SaveChangesAsync(ct);
        await log.InAsync(WooChannel.Store(storeId), SyncSubject.Sync, SyncOutcome.Ok, "sync resumed: orders changed meanwhile are read, stock sent again", ct: ct);
        var orders = await catchUp.RunAsync(storeId, ct);
        var sent = await SendAllAsync(store, ct);
        return new(store, orders.Read, orders.Applied, sent);
    }

    public async Task<WooSyncChange> ChangeSettingsAsync(long storeId, WooStoreSettings settings, CancellationToken ct)
    {
        var store = await db.Set<WooStore>().FirstOrDefaultAsync(s => s.Id == storeId, ct) ?? throw new NotFoundException("WooCommerce store", storeId);
        var stockTurnedOn = settings.InventorySync && !store.Settings.InventorySync;
        var changed = SyncSettingChanges.Between(store.Settings, settings);
        store.Settings = settings;
        await db.SaveChangesAsync(ct);
        if (changed.Count > 0)
            await log.InAsync(WooChannel.Store(storeId), SyncSubject.Sync, SyncOutcome.Ok, $"settings changed: {string.Join(", ", changed)}", ct: ct);
        var sent = stockTurnedOn && store.Syncing ? await SendAllAsync(store, ct) : 0;
        return new(store, 0, 0, sent);
    }

    private async Task<int> SendAllAsync(WooStore store, CancellationToken ct)
    {
        if (!store.Settings.InventorySync)
            return 0;
        var links = await db.LinksOf(WooChannel.Store(store.Id)).ToListAsync(ct);
        var report = await stock.PushAsync(store, links, force: true, ct);
        await db.SaveChangesAsync(ct);
        return report.Sent;
    }

    private async Task<WooStore> ConnectedAsync(long storeId, CancellationToken ct)
    {
        var store = await db.Set<WooStore>().FirstOrDefaultAsync(s => s.Id == storeId, ct) ?? throw new NotFoundException("WooCommerce store", storeId);
        return store.SyncActive ? store : throw new DomainException("The store is disconnected; connect it again first.");
    }
}
