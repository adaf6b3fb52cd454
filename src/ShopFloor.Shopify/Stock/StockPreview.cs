using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Links;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Mapping;

namespace ShopFloor.Shopify.Stock;

public sealed record PreviewLine(string Sku, string ShopifyLocation, long ShopFloorValue, long? ShopifyValue)
{
    public bool Differs => ShopifyValue != ShopFloorValue;
}

/// <summary>
/// Before Activate: what ShopFloor would set in Shopify for each mapped item next to what Shopify shows now, so the
/// merchant can check stock accuracy before ShopFloor becomes the source of truth.
/// </summary>
public sealed class StockPreview(ShopFloorDbContext db, StockTargets targets, ShopifyLevels shopifyLevels)
{
    public async Task<List<PreviewLine>> ForAsync(ShopifyStore store, CancellationToken ct)
    {
        var expected = await targets.ForStoreAsync(store.Id, ct);
        var actual = await shopifyLevels.ReadAsync(store, ct);
        var skus = await db.LinksOf(ShopifyChannel.Store(store.Id)).Where(m => m.StoreStockItemId != null).ToDictionaryAsync(m => m.StoreStockItemId!, m => m.Sku, ct);
        var locations = await db.Set<ShopifyLocation>().Where(l => l.StoreId == store.Id).ToDictionaryAsync(l => l.ShopifyLocationId, l => l.Name, ct);
        return expected
            .Select(t => new PreviewLine(skus.GetValueOrDefault(t.InventoryItemId, t.InventoryItemId), locations.GetValueOrDefault(t.ShopifyLocationId, t.ShopifyLocationId),
                t.Quantity, actual.TryGetValue((t.ShopifyLocationId, t.InventoryItemId), out var now) ? now : null))
            .OrderByDescending(l => l.Differs).ThenBy(l => l.Sku).ToList();
    }
}
