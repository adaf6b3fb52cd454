using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.Settings;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Shopify.Connection;

public sealed record LocationMappingInput(string ShopifyLocationId, long? LocationId);

/// <summary>R-CON-3..5, R-CFG-2: the state, the location mapping, settings, activate and pause.</summary>
public sealed class StoreConfiguration(ShopFloorDbContext db, SyncLogWriter log, TimeProvider clock)
{
    public async Task<StoreState> StateAsync(ShopifyStore store, CancellationToken ct) =>
        store.StateWith(await EveryLocationMappedAsync(store.Id, ct));

    public Task<List<ShopifyLocation>> LocationsAsync(long storeId, CancellationToken ct) =>
        db.Set<ShopifyLocation>().Where(l => l.StoreId == storeId).OrderBy(l => l.Name).ToListAsync(ct);

    /// <summary>Maps Shopify locations to sell-enabled ShopFloor locations; several may share one, none maps to two.</summary>
    public async Task<List<ShopifyLocation>> MapLocationsAsync(long storeId, IReadOnlyList<LocationMappingInput> mappings, CancellationToken ct)
    {
        var locations = await LocationsAsync(storeId, ct);
        if (mappings.GroupBy(m => m.ShopifyLocationId).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ValidationFailedException("shopify_location_id", $"{twice.Key} is mapped twice; a Shopify location maps to one ShopFloor location");
        var targets = mappings.Select(m => m.LocationId).OfType<long>().Distinct().ToList();
        var sellable = await db.Locations.Where(l => targets.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.SalesAllowed, ct);
        foreach (var (mapping, index) in mappings.Select((m, i) => (m, i)))
        {
            var location = locations.FirstOrDefault(l => l.ShopifyLocationId == mapping.ShopifyLocationId)
                ?? throw new ValidationFailedException($"[{index}].shopify_location_id", $"{mapping.ShopifyLocationId} is not a location of this store");
            if (mapping.LocationId is { } target && !sellable.TryGetValue(target, out var allowed))
                throw new ValidationFailedException($"[{index}].location_id", $"location {target} does not exist");
            if (mapping.LocationId is { } sells && !sellable[sells])
                throw new ValidationFailedException($"[{index}].location_id", $"location {sells} is not enabled for selling");
            location.LocationId = mapping.LocationId;
        }
        await db.SaveChangesAsync(ct);
        return locations;
    }

    public async Task<ShopifyStore> ChangeSettingsAsync(ShopifyStore store, Func<StoreSettings, StoreSettings> change, CancellationToken ct)
    {
        var before = store.Settings;
        store.ChangeSettings(change(store.StagedSettings ?? store.Settings), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await LogChangesAsync(store, before, ct);
        return store;
    }

    public async Task<ShopifyStore> DiscardSettingsAsync(ShopifyStore store, CancellationToken ct)
    {
        store.DiscardStagedSettings(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return store;
    }

    public async Task<ShopifyStore> ApplySettingsAsync(ShopifyStore store, CancellationToken ct)
    {
        var before = store.Settings;
        store.ApplyStagedSettings(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await LogChangesAsync(store, before, ct);
        return store;
    }

    public async Task<ShopifyStore> ActivateAsync(ShopifyStore store, CancellationToken ct)
    {
        store.Activate(await EveryLocationMappedAsync(store.Id, ct), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return store;
    }

    public async Task<ShopifyStore> PauseAsync(ShopifyStore store, CancellationToken ct)
    {
        store.Pause(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return store;
    }

    /// <summary>Settings in use changed (saved while paused, or applied): the shared ones are named in the sync log.</summary>
    private async Task LogChangesAsync(ShopifyStore store, StoreSettings before, CancellationToken ct)
    {
        if (SyncSettingChanges.Between(before, store.Settings) is { Count: > 0 } changed)
            await log.InAsync(ShopifyChannel.Store(store.Id), SyncSubject.Sync, SyncOutcome.Ok, $"settings changed: {string.Join(", ", changed)}", ct: ct);
    }

    /// <summary>Disabled until every active Shopify location is mapped (R-CON-3).</summary>
    public async Task<bool> EveryLocationMappedAsync(long storeId, CancellationToken ct) =>
        !await db.Set<ShopifyLocation>().AnyAsync(l => l.StoreId == storeId && l.IsActive && l.LocationId == null, ct);
}
