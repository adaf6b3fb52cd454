using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Data;
using ShopFloor.WooCommerce.Client;
using ShopFloor.WooCommerce.Connection;

namespace ShopFloor.WooCommerce.Mapping;

public sealed record SkuLinkReport(int Linked, IReadOnlyList<string> UnknownSkus);

/// <summary>A SKU the store sells: a simple product's, or a variation's of its parent product.</summary>
public sealed record StoreSku(string Sku, long ProductId, long? VariationId);

/// <summary>
/// Matches the store's products and variations to ShopFloor variants by SKU (<see cref="SkuMatch"/>: the newest variant
/// where several share one). Products without a SKU, or whose SKU ShopFloor does not know, are left unlinked and named.
/// </summary>
public sealed class SkuLinks(ShopFloorDbContext db, WooClient woo, WooKeys keys)
{
    public async Task<SkuLinkReport> RefreshAsync(WooStore store, CancellationToken ct, long? onlyProduct = null)
    {
        var credentials = keys.CredentialsOf(store);
        var products = onlyProduct is { } id
            ? [await woo.GetAsync<WooProduct>(credentials, $"products/{id}", ct)]
            : await woo.ListAsync<WooProduct>(credentials, "products", ct);
        var sold = new List<StoreSku>();
        foreach (var product in products)
            sold.AddRange(await SkusOfAsync(store, product, ct));
        return await LinkAsync(store, sold, ct);
    }

    /// <summary>The SKUs one product sells: its own, or its variations' (read from the store).</summary>
    public async Task<List<StoreSku>> SkusOfAsync(WooStore store, WooProduct product, CancellationToken ct) =>
        product.Type == "variable"
            ? (await VariationsAsync(store, product, ct)).Where(v => !string.IsNullOrWhiteSpace(v.Sku)).Select(v => new StoreSku(v.Sku!, product.Id, v.Id)).ToList()
            : string.IsNullOrWhiteSpace(product.Sku) ? [] : [new StoreSku(product.Sku, product.Id, null)];

    public Task<List<WooVariation>> VariationsAsync(WooStore store, WooProduct product, CancellationToken ct) =>
        woo.ListAsync<WooVariation>(keys.CredentialsOf(store), $"products/{product.Id}/variations", ct);

    /// <summary>Links each SKU ShopFloor knows to its newest variant; the others are named as unknown.</summary>
    public async Task<SkuLinkReport> LinkAsync(WooStore store, IReadOnlyList<StoreSku> sold, CancellationToken ct)
    {
        var skus = sold.Select(s => s.Sku).Distinct().ToList();
        var variants = await SkuMatch.NewestBySkuAsync(db, skus, ct);
        var known = variants.Values.ToList();
        var links = await db.Set<WooProductLink>().Where(l => l.StoreId == store.Id && known.Contains(l.VariantId)).ToListAsync(ct);
        var linked = 0;
        foreach (var (sku, productId, variationId) in sold)
        {
            if (!variants.TryGetValue(sku, out var variantId))
                continue;
            linked++;
            var link = links.FirstOrDefault(l => l.VariantId == variantId);
            if (link is null)
                links.Add(db.Add(new WooProductLink(store.Id, variantId, productId, variationId, sku)).Entity);
            else if (link.WooProductId != productId || link.WooVariationId != variationId)
                link.MoveTo(variantId, productId, variationId);
        }
        await db.SaveChangesAsync(ct);
        return new SkuLinkReport(linked, skus.Where(s => !variants.ContainsKey(s)).ToList());
    }
}
