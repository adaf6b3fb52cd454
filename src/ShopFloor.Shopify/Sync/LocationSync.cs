using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Connection;

namespace ShopFloor.Shopify.Sync;

/// <summary>
/// R-CON-3, R-CFG-2: follows locations added, deactivated or deleted in Shopify (the locations/* webhooks, the
/// periodic check and the Inventory tab's Refresh): what Shopify has is read again, changes go to the sync log, and
/// an active location nobody has mapped makes the store Disabled — sync pauses until it is mapped and activated
/// again, since stock sold from it would otherwise never be counted.
/// </summary>
public sealed class LocationSync(ShopFloorDbContext db, StoreConnections connections, StoreConfiguration configuration, SyncLifecycle lifecycle, SyncLogWriter log)
{
    public async Task<string> RefreshAsync(long storeId, CancellationToken ct)
    {
        var store = await connections.FindAsync(storeId, ct);
        var before = (await configuration.LocationsAsync(storeId, ct)).ToDictionary(l => l.ShopifyLocationId, l => l.IsActive);
        var after = await connections.RefreshLocationsAsync(store, ct);
        var changes = new List<string>();
        foreach (var location in after)
        {
            var change = before.TryGetValue(location.ShopifyLocationId, out var wasActive)
                ? wasActive == location.IsActive ? null : location.IsActive ? "was activated" : "was deactivated or deleted; its stock is no longer synced"
                : location.IsActive ? "was added" : null;
            if (change is null)
                continue;
            var unmapped = location.IsActive && location.LocationId is null;
            await log.InAsync(ShopifyChannel.Store(storeId), SyncSubject.Location, unmapped ? SyncOutcome.NeedsAction : SyncOutcome.Ok,
                $"Shopify location {location.Name} {change}{(unmapped ? "; map it to a ShopFloor location on the Inventory tab" : "")}", location.Name, ct: ct);
            changes.Add($"{location.Name} {change}");
        }
        if (store.SyncActive && !await configuration.EveryLocationMappedAsync(storeId, ct))
        {
            await lifecycle.PauseAsync(store, ct);
            await log.InAsync(ShopifyChannel.Store(storeId), SyncSubject.Location, SyncOutcome.NeedsAction,
                "Sync is paused: a Shopify location is not mapped. Map every location on the Inventory tab, then activate sync again.", ct: ct);
            changes.Add("sync paused");
        }
        await db.SaveChangesAsync(ct);
        return changes.Count == 0 ? "the store's locations are unchanged" : string.Join("; ", changes);
    }
}
