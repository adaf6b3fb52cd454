using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.WooCommerce.Client;
using ShopFloor.WooCommerce.Connection;
using ShopFloor.WooCommerce.Mapping;

namespace ShopFloor.WooCommerce.Jobs;

/// <summary>
/// R-IMP-1 for WooCommerce: the store's catalogue into ShopFloor. A product whose SKUs ShopFloor does not know
/// becomes a product (a variable one with a variant per variation, named by its options) at the store's price, and
/// — new to ShopFloor, so the store's count is the only one there is — its stock at the store's location is the
/// store's stock_quantity. SKUs ShopFloor knows keep ShopFloor's figures. Every SKU is linked, so its stock syncs.
/// Product by product in id order, each in one transaction; a restart resumes after the last one done.
/// </summary>
public sealed class WooProductImporter(ShopFloorDbContext db, WooClient woo, WooKeys keys, SkuLinks skus, StockAdjustments adjustments, TimeProvider clock)
    : IImporter
{
    private sealed record Offer(StoreSku Sku, string? OptionName, decimal? Price, int? Stock);

    public string Channel => WooChannel.Name;

    public ImportType Type => ImportType.Products;

    public async Task RunAsync(ImportJob job, Func<Task> saveProgress, CancellationToken ct)
    {
        var store = await db.Set<WooStore>().AsNoTracking().FirstAsync(s => s.Id == job.StoreId, ct);
        if (!store.SyncActive)
            throw new DomainException("The store is disconnected.");
        var after = long.TryParse(job.Cursor, CultureInfo.InvariantCulture, out var last) ? last : 0;
        var products = (await woo.ListAsync<WooProduct>(keys.CredentialsOf(store), "products", ct)).OrderBy(p => p.Id).ToList();
        job.Total = products.Count;
        job.Done = products.Count(p => p.Id <= after);
        foreach (var product in products.Where(p => p.Id > after))
        {
            var offers = await OffersAsync(store, product, ct);
            if (offers.Count == 0)
                job.Count("without_sku");
            else
                await db.InTransactionAsync(token => ImportAsync(store, product, offers, job, token), ct);
            job.Done++;
            job.Cursor = product.Id.ToString(CultureInfo.InvariantCulture);
            if (job.Done % 10 == 0)
                await saveProgress();
        }
    }

    private async Task<List<Offer>> OffersAsync(WooStore store, WooProduct product, CancellationToken ct)
    {
        if (product.Type != "variable")
            return string.IsNullOrWhiteSpace(product.Sku) ? []
                : [new Offer(new StoreSku(product.Sku, product.Id, null), null, Price(product.Price), product.ManageStock ? product.StockQuantity : null)];
        return (await skus.VariationsAsync(store, product, ct)).Where(v => !string.IsNullOrWhiteSpace(v.Sku))
            .Select(v => new Offer(new StoreSku(v.Sku!, product.Id, v.Id), v.OptionName, Price(v.Price), v.ManageStock ? v.StockQuantity : null))
            .ToList();
    }

    private async Task<int> ImportAsync(WooStore store, WooProduct product, List<Offer> offers, ImportJob job, CancellationToken ct)
    {
        var wanted = offers.Select(o => o.Sku.Sku).ToList();
        var known = await db.Variants.Where(v => v.Sku != null && wanted.Contains(v.Sku)).Select(v => v.Sku!).Distinct().ToListAsync(ct);
        var unknown = offers.Where(o => !known.Contains(o.Sku.Sku)).DistinctBy(o => o.Sku.Sku).ToList();
        if (unknown.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var item = new Item(ItemKind.Product, product.Name, now) { IsSellable = true };
            var created = unknown.Select(o =>
            {
                var variant = item.AddVariant(o.Sku.Sku, now);
                variant.Name = o.OptionName;
                variant.SetPrices(o.Price, null);
                return (Offer: o, Variant: variant);
            }).ToList();
            db.Items.Add(item);
            await db.SaveChangesAsync(ct);
            var stock = created.Where(c => c.Offer.Stock is > 0).Select(c => new AdjustmentRowInput(c.Variant.Id, c.Offer.Stock!.Value, null)).ToList();
            if (stock.Count > 0)
                await adjustments.CreateAsync(new CreateStockAdjustment(null, store.LocationId, $"Initial stock from WooCommerce ({store.Name})", null, null, stock), ct);
            job.Count("products_created");
            job.Count("variants_created", created.Count);
            job.Count("stock_set", stock.Count);
        }
        if (known.Count > 0)
            job.Count("already_in_shopfloor", known.Count);
        var links = await skus.LinkAsync(store, offers.Select(o => o.Sku).ToList(), ct);
        job.Count("linked", links.Linked);
        return links.Linked;
    }

    private static decimal? Price(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) ? price : null;
}
