using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Jobs;

namespace ShopFloor.Shopify;

/// <summary>The store header every tab shares: the store, its state and its latest jobs (what the banners show).</summary>
public sealed record StoreHeader(ShopifyStore Store, StoreState State, List<ImportJob> Jobs);

/// <summary>The store page's reads, one per part of the page, so each part asks only for what it shows.</summary>
public sealed class StoreView(ShopFloorDbContext db, StoreConfiguration configuration)
{
    public async Task<StoreHeader?> HeaderAsync(long storeId, CancellationToken ct)
    {
        var store = await db.Set<ShopifyStore>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, ct);
        if (store is null)
            return null;
        var jobs = await db.Set<ImportJob>().AsNoTracking().Where(j => j.Channel == ShopifyChannel.Name && j.StoreId == storeId).OrderByDescending(j => j.Id).Take(20).ToListAsync(ct);
        return new StoreHeader(store, await configuration.StateAsync(store, ct), jobs);
    }

    /// <summary>The store's Shopify locations and the ShopFloor locations they may map to (those that sell).</summary>
    public async Task<(List<ShopifyLocation> Locations, List<(long Id, string Name)> Sellable)> LocationsAsync(long storeId, CancellationToken ct)
    {
        var sellable = await db.Locations.Where(l => l.SalesAllowed).OrderBy(l => l.Name).Select(l => new { l.Id, l.Name }).ToListAsync(ct);
        return (await configuration.LocationsAsync(storeId, ct), sellable.Select(l => (l.Id, l.Name)).ToList());
    }

    /// <summary>Every connected store with its state, for the Integrations page.</summary>
    public async Task<List<(long Id, string? Name, string Domain, StoreState State)>> AllAsync(CancellationToken ct)
    {
        var list = new List<(long, string?, string, StoreState)>();
        foreach (var store in await db.Set<ShopifyStore>().AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct))
            list.Add((store.Id, store.Name, store.ShopDomain, await configuration.StateAsync(store, ct)));
        return list;
    }
}
