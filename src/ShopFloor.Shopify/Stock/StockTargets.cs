using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Links;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Mapping;

namespace ShopFloor.Shopify.Stock;

/// <summary>
/// One value Shopify should show: Available of an inventory item at a Shopify location of a store.
/// <see cref="StoreCommitted"/> is what the store's orders ShopFloor has applied still hold there (not yet
/// delivered), when that Shopify location is the only one mapped to its ShopFloor location; the pusher compares it
/// with Shopify's own committed to see orders Shopify has and ShopFloor has not applied yet.
/// </summary>
public sealed record LevelTarget(long StoreId, string ShopifyLocationId, string InventoryItemId, long Quantity, long? StoreCommitted = null);

/// <summary>
/// R-SYNC-4: what Shopify's Available should be for ShopFloor levels — in stock − committed at the mapped ShopFloor
/// location (in stock + potential − committed for kits) — for every Shopify variant with the SKU, in every store
/// whose sync is active with inventory sync on, at every Shopify location mapped to that location.
/// </summary>
public sealed class StockTargets(ShopFloorDbContext db, TimeProvider clock)
{
    public async Task<List<LevelTarget>> ForAsync(IReadOnlyCollection<StockKey> keys, CancellationToken ct, long? onlyStore = null)
    {
        var stores = await SyncingStoresAsync(onlyStore, ct);
        if (stores.Count == 0 || keys.Count == 0)
            return [];
        var variantIds = keys.Select(k => k.VariantId).Distinct().ToList();
        var mappings = await db.LinksOf(ShopifyChannel.Name, stores)
            .Where(m => variantIds.Contains(m.VariantId) && m.StoreStockItemId != null)
            .Select(m => new { m.StoreId, m.VariantId, m.StoreStockItemId }).ToListAsync(ct);
        return await TargetsAsync(keys, mappings.Select(m => (m.StoreId, m.VariantId, m.StoreStockItemId!)).ToList(), stores, ct);
    }

    /// <summary>Every mapped level of one store (reconciliation).</summary>
    public async Task<List<LevelTarget>> ForStoreAsync(long storeId, CancellationToken ct)
    {
        var mappings = await db.LinksOf(ShopifyChannel.Store(storeId)).Where(m => m.StoreStockItemId != null)
            .Select(m => new { m.StoreId, m.VariantId, m.StoreStockItemId }).ToListAsync(ct);
        var locations = await db.Set<ShopifyLocation>().Where(l => l.StoreId == storeId && l.LocationId != null && l.IsActive)
            .Select(l => l.LocationId!.Value).Distinct().ToListAsync(ct);
        var keys = mappings.SelectMany(m => locations.Select(l => new StockKey(m.VariantId, l))).Distinct().ToList();
        return await TargetsAsync(keys, mappings.Select(m => (m.StoreId, m.VariantId, m.StoreStockItemId!)).ToList(), [storeId], ct);
    }

    /// <summary>Stores that receive stock: connected, sync active, inventory sync on (all of them, or the one asked for).</summary>
    public async Task<List<long>> SyncingStoresAsync(long? only, CancellationToken ct) =>
        (await db.Set<ShopifyStore>().AsNoTracking().Where(s => s.SyncActive && s.EncryptedAccessToken != null && (only == null || s.Id == only)).ToListAsync(ct))
            .Where(s => s.Settings.InventorySync).Select(s => s.Id).ToList();

    /// <summary>What open sales orders made in ShopFloor (no store) commit, per level: their rows' open quantities.</summary>
    private async Task<Dictionary<StockKey, decimal>> CommittedByShopFloorOrdersAsync(List<long> variantIds, List<long> locationIds, CancellationToken ct) =>
        (await db.Set<Core.Sales.SalesOrderRow>().AsNoTracking()
            .Where(r => r.VariantId != null && variantIds.Contains(r.VariantId.Value) && locationIds.Contains(r.LocationId) && r.TracksStock
                        && r.Order.StoreId == null && r.Order.CommitsStock && !r.Order.IsCancelled && !r.Order.IsQuote)
            .Select(r => new { VariantId = r.VariantId!.Value, r.LocationId, r.Quantity, r.Packed, r.Delivered })
            .ToListAsync(ct)) // summed here: SQLite cannot sum decimals
        .GroupBy(r => new StockKey(r.VariantId, r.LocationId)).ToDictionary(g => g.Key, g => g.Sum(r => r.Quantity - r.Packed - r.Delivered));

    /// <summary>
    /// What open orders imported from each store hold in Shopify, per level, as far as ShopFloor knows: ordered and not
    /// yet shipped in Shopify — a row ShopFloor delivered counts until its shipment is linked to a Shopify fulfillment.
    /// </summary>
    private async Task<Dictionary<(long StoreId, StockKey Key), long>> CommittedByStoreOrdersAsync(List<long> stores, List<long> variantIds, List<long> locationIds,
        CancellationToken ct)
    {
        var recent = clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(7);
        var rows = await db.Set<Core.Sales.SalesOrderRow>().AsNoTracking()
            .Where(r => r.VariantId != null && variantIds.Contains(r.VariantId.Value) && locationIds.Contains(r.LocationId) && r.TracksStock
                        && r.Order.StoreId != null && stores.Contains(r.Order.StoreId.Value) && r.Order.CommitsStock && !r.Order.IsCancelled && !r.Order.IsQuote
                        // a delivered order still holds stock in Shopify until its shipment reaches Shopify (days at most)
                        && (r.Order.Status != Core.Sales.SalesOrderStatus.Delivered || r.Order.DeliveredAt > recent))
            .Select(r => new { r.Id, StoreId = r.Order.StoreId!.Value, VariantId = r.VariantId!.Value, r.LocationId, r.Quantity })
            .ToListAsync(ct);
        var rowIds = rows.Select(r => r.Id).ToList();
        var shippedInShopify = (await db.Set<Core.Sales.FulfillmentRow>().AsNoTracking().Where(f => rowIds.Contains(f.SalesOrderRowId))
                .Join(db.Set<Core.Sales.SalesOrderFulfillment>(), f => f.SalesOrderFulfillmentId, o => o.Id,
                    (f, o) => new { f.SalesOrderRowId, f.Quantity, o.StoreFulfillmentId, o.Status })
                .Where(x => x.Status == Core.Sales.FulfillmentStatus.Delivered && x.StoreFulfillmentId != null && x.StoreFulfillmentId.StartsWith("gid://"))
                .ToListAsync(ct)) // summed here: SQLite cannot sum decimals
            .GroupBy(x => x.SalesOrderRowId).ToDictionary(g => g.Key, g => g.Sum(x => x.Quantity));
        return rows.GroupBy(r => (r.StoreId, new StockKey(r.VariantId, r.LocationId)))
            .ToDictionary(g => g.Key, g => (long)Math.Ceiling(g.Sum(r => Math.Max(0, r.Quantity - shippedInShopify.GetValueOrDefault(r.Id)))));
    }

    private async Task<List<LevelTarget>> TargetsAsync(IReadOnlyCollection<StockKey> keys, List<(long StoreId, long VariantId, string ItemId)> mappings,
        List<long> stores, CancellationToken ct)
    {
        var locationIds = keys.Select(k => k.LocationId).Distinct().ToList();
        var shopifyLocations = (await db.Set<ShopifyLocation>()
                .Where(l => stores.Contains(l.StoreId) && l.IsActive && l.LocationId != null && locationIds.Contains(l.LocationId!.Value))
                .Select(l => new { l.StoreId, l.ShopifyLocationId, LocationId = l.LocationId!.Value }).ToListAsync(ct))
            .ToLookup(l => (l.StoreId, l.LocationId), l => l.ShopifyLocationId);
        var variantIds = keys.Select(k => k.VariantId).Distinct().ToList();
        var kits = (await db.Variants.Where(v => variantIds.Contains(v.Id) && v.Item.IsKit).Select(v => v.Id).ToListAsync(ct)).ToHashSet();
        var levels = (await db.StockLevels.Where(l => variantIds.Contains(l.VariantId) && locationIds.Contains(l.LocationId))
                .Select(l => new { l.VariantId, l.LocationId, l.InStock, l.Committed, l.Potential }).ToListAsync(ct))
            .ToDictionary(l => new StockKey(l.VariantId, l.LocationId));
        var mappingsOf = mappings.ToLookup(m => m.VariantId);
        var ownOrdersIgnored = (await db.Set<ShopifyStore>().AsNoTracking().Where(s => stores.Contains(s.Id)).ToListAsync(ct))
            .Where(s => !s.Settings.ShopfloorOrdersCommit).Select(s => s.Id).ToHashSet();
        var ownCommitted = ownOrdersIgnored.Count == 0 ? [] : await CommittedByShopFloorOrdersAsync(variantIds, locationIds, ct);
        var storeCommitted = await CommittedByStoreOrdersAsync(stores, variantIds, locationIds, ct);

        var targets = new List<LevelTarget>();
        foreach (var key in keys)
        {
            var value = levels.TryGetValue(key, out var level)
                ? level.InStock - level.Committed + (kits.Contains(key.VariantId) ? level.Potential ?? 0 : 0)
                : 0;
            // Saturated rather than overflowing: the pusher refuses what Shopify cannot hold, for that level alone.
            var quantity = value >= long.MaxValue ? long.MaxValue : value <= long.MinValue ? long.MinValue : (long)Math.Floor(value);
            foreach (var mapping in mappingsOf[key.VariantId])
            {
                var storeQuantity = ownOrdersIgnored.Contains(mapping.StoreId) ? quantity + (long)Math.Floor(ownCommitted.GetValueOrDefault(key)) : quantity;
                var mapped = shopifyLocations[(mapping.StoreId, key.LocationId)].ToList();
                long? committed = mapped.Count == 1 ? storeCommitted.GetValueOrDefault((mapping.StoreId, key)) : null;
                foreach (var shopifyLocation in mapped)
                    targets.Add(new LevelTarget(mapping.StoreId, shopifyLocation, mapping.ItemId, storeQuantity, committed));
            }
        }
        return targets;
    }
}
