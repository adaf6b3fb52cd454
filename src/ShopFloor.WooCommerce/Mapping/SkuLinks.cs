using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.Links;
using ShopFloor.Core.Data;
using ShopFloor.WooCommerce.Client;
using ShopFloor.WooCommerce.Connection;

namespace ShopFloor.WooCommerce.Mapping;

/// <param name="Relinked">Items linked anew or to another variant: the store's figure for them is not ShopFloor's yet.</param>
/// <param name="Unlinked">SKUs of items that no longer sync (SKU changed to one ShopFloor does not know, removed, or deleted).</param>
public sealed record SkuLinkReport(int Linked, IReadOnlyList<string> UnknownSkus, IReadOnlyList<SkuLink> Relinked, IReadOnlyList<string> Unlinked);

/// <summary>A SKU the store sells: a simple product's, or a variation's of its parent product.</summary>
public sealed record StoreSku(string Sku, long ProductId, long? VariationId)
{
    public string ItemId => WooLinkIds.Text(VariationId ?? ProductId);
}

/// <summary>
/// Matches the store's products and variations to ShopFloor variants by SKU (<see cref="SkuMatch"/>: the newest variant
/// where several share one), in the shared <see cref="SkuLink"/> table. An item whose SKU changed follows it; one without
/// a SKU, whose SKU ShopFloor does not know, or that the store no longer sells loses its link and is named.
/// </summary>
public sealed class SkuLinks(ShopFloorDbContext db, WooClient woo, WooKeys keys, TimeProvider clock)
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
        return await LinkAsync(store, sold, ct, onlyProduct is null ? null : [onlyProduct.Value]);
    }

    /// <summary>The SKUs one product sells: its own, or its variations' (read from the store).</summary>
    public async Task<List<StoreSku>> SkusOfAsync(WooStore store, WooProduct product, CancellationToken ct) =>
        product.Type == "variable"
            ? (await VariationsAsync(store, product, ct)).Where(v => !string.IsNullOrWhiteSpace(v.Sku)).Select(v => new StoreSku(v.Sku!, product.Id, v.Id)).ToList()
            : string.IsNullOrWhiteSpace(product.Sku) ? [] : [new StoreSku(product.Sku, product.Id, null)];

    public Task<List<WooVariation>> VariationsAsync(WooStore store, WooProduct product, CancellationToken ct) =>
        woo.ListAsync<WooVariation>(keys.CredentialsOf(store), $"products/{product.Id}/variations", ct);

    /// <summary>
    /// Links each item whose SKU ShopFloor knows to its newest variant. Links of the <paramref name="products"/> looked at
    /// (every product of the store when null) that are not among the known items sold are removed.
    /// </summary>
    public async Task<SkuLinkReport> LinkAsync(WooStore store, IReadOnlyList<StoreSku> sold, CancellationToken ct, IReadOnlyCollection<long>? products = null)
    {
        var skus = sold.Select(s => s.Sku).Distinct().ToList();
        var variants = await SkuMatch.NewestBySkuAsync(db, skus, ct);
        var scope = (products ?? sold.Select(s => s.ProductId).Distinct().ToList()).Select(WooLinkIds.Text).ToList();
        var links = db.LinksOf(WooChannel.Store(store.Id));
        var existing = await (products is null ? links : links.Where(l => scope.Contains(l.StoreProductId))).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var linked = new HashSet<string>();
        var relinked = new List<SkuLink>();
        foreach (var item in sold.Where(s => variants.ContainsKey(s.Sku)))
        {
            var link = existing.FirstOrDefault(l => l.StoreItemId == item.ItemId)
                       ?? db.Add(new SkuLink(WooChannel.Store(store.Id), WooLinkIds.Text(item.ProductId), item.ItemId, now)).Entity;
            if (link.VariantId != variants[item.Sku])
                relinked.Add(link);
            link.StoreProductId = WooLinkIds.Text(item.ProductId);
            link.LinkTo(variants[item.Sku], item.Sku, now);
            linked.Add(item.ItemId);
        }
        var gone = existing.Where(l => !linked.Contains(l.StoreItemId)).ToList();
        db.RemoveRange(gone);
        await db.SaveChangesAsync(ct);
        return new SkuLinkReport(linked.Count, skus.Where(s => !variants.ContainsKey(s)).ToList(), relinked, gone.Select(l => l.Sku).ToList());
    }
}
