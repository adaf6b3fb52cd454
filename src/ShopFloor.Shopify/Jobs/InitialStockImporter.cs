using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Channels.Links;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Sales;
using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Mapping;

namespace ShopFloor.Shopify.Jobs;

/// <summary>
/// R-IMP-4: one stock adjustment per mapped ShopFloor location, bringing In stock to Shopify's Available plus what
/// imported open sales orders still hold (Shopify's Available already excludes them); Shopify locations that share
/// a ShopFloor location add up.
/// </summary>
public sealed class InitialStockImporter(
    ShopFloorDbContext db, ShopifyAdminClient shopify, TokenVault tokens, StockAdjustments adjustments) : IImporter
{
    public string Channel => ShopifyChannel.Name;

    public ImportType Type => ImportType.InitialStock;

    public async Task RunAsync(ImportJob job, Func<Task> saveProgress, CancellationToken ct)
    {
        var store = await db.Set<ShopifyStore>().FirstAsync(s => s.Id == job.StoreId, ct);
        var credentials = tokens.CredentialsOf(store);
        var variantOfItem = await db.LinksOf(ShopifyChannel.Store(store.Id)).Where(m => m.StoreStockItemId != null)
            .ToDictionaryAsync(m => m.StoreStockItemId!, m => m.VariantId, ct);
        var locations = await db.Set<ShopifyLocation>().Where(l => l.StoreId == store.Id && l.LocationId != null).ToListAsync(ct);
        job.Total = locations.Count;

        var shopifyAvailable = new Dictionary<StockKey, decimal>();
        foreach (var location in locations)
        {
            await foreach (var (nodes, _) in ReadLevelsAsync(credentials, location.ShopifyLocationId, ct))
                foreach (var node in nodes.Select(ShopifyJson.Read<LocationLevelLine>))
                    if (node.Item is { } item && variantOfItem.TryGetValue(item.Id, out var variantId))
                    {
                        var key = new StockKey(variantId, location.LocationId!.Value);
                        shopifyAvailable[key] = shopifyAvailable.GetValueOrDefault(key) + (node.Quantities ?? []).Select(q => q.Quantity).FirstOrDefault();
                    }
            job.Done++;
            await saveProgress();
        }

        var held = await db.Set<SalesOrderRow>()
            .Where(r => r.Order.StoreId == store.Id && r.TracksStock && r.Order.Status != SalesOrderStatus.Delivered
                        && r.Order.Status != SalesOrderStatus.Cancelled && r.Order.Status != SalesOrderStatus.Pending)
            .Select(r => new { r.VariantId, r.LocationId, r.Quantity, r.Packed, r.Delivered }).ToListAsync(ct);
        foreach (var row in held)
        {
            var key = new StockKey(row.VariantId!.Value, row.LocationId);
            if (shopifyAvailable.ContainsKey(key))
                shopifyAvailable[key] += row.Quantity - row.Packed - row.Delivered;
        }

        var variants = shopifyAvailable.Keys.Select(k => k.VariantId).Distinct().ToList();
        var current = await db.StockLevels.Where(l => variants.Contains(l.VariantId)).ToDictionaryAsync(l => l.Key, l => l.InStock, ct);
        foreach (var group in shopifyAvailable.GroupBy(p => p.Key.LocationId))
        {
            var rows = group.Select(p => new AdjustmentRowInput(p.Key.VariantId, p.Value - current.GetValueOrDefault(p.Key), null))
                .Where(r => r.Quantity != 0).ToList();
            if (rows.Count == 0)
                continue;
            await adjustments.CreateAsync(new CreateStockAdjustment(null, group.Key, $"Initial stock from Shopify ({store.ShopDomain})", null, null, rows), ct);
            job.Count("adjustments");
            job.Count("rows", rows.Count);
        }
    }

    private async IAsyncEnumerable<(IReadOnlyList<System.Text.Json.JsonElement> Nodes, string? Cursor)> ReadLevelsAsync(
        ShopifyCredentials credentials, string locationId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? after = null;
        while (true)
        {
            var page = (await shopify.SendAsync(credentials, Operations.LocationLevels, new { id = locationId, after }, ct))
                .GetProperty("location").GetProperty("inventoryLevels");
            var info = page.GetProperty("pageInfo");
            after = info.GetProperty("endCursor").GetString();
            yield return (page.GetProperty("nodes").EnumerateArray().ToList(), after);
            if (!info.GetProperty("hasNextPage").GetBoolean())
                yield break;
        }
    }
}
