using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Channels.Links;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Mapping;

namespace ShopFloor.Shopify.Jobs;

/// <summary>
/// R-IMP-2: pulls every Shopify variant (one bulk query), matches each to a ShopFloor variant by SKU = variant code
/// (case-sensitive; the most recently created one where several share it), creates the product where none
/// matches, and keeps the SKU mapping table. Variants without a SKU are reported, not dropped silently.
/// Re-running updates, never duplicates. Works a batch at a time and resumes from the last saved line. Where the
/// store's prices include tax, a new product's price is net of the Products tab's default tax rate.
/// </summary>
public sealed class ProductImporter(ShopFloorDbContext db, ShopifyAdminClient shopify, BulkQueries bulk, TokenVault tokens, TimeProvider clock) : IImporter
{
    private const int BatchSize = 500;

    public string Channel => ShopifyChannel.Name;


    public ImportType Type => ImportType.Products;

    public async Task RunAsync(ImportJob job, Func<Task> saveProgress, CancellationToken ct)
    {
        var store = await db.Set<ShopifyStore>().AsNoTracking().FirstAsync(s => s.Id == job.StoreId, ct);
        var credentials = tokens.CredentialsOf(store);
        job.Total ??= (await shopify.SendAsync(credentials, Operations.ProductVariantsCount, null, ct)).GetProperty("productVariantsCount").GetProperty("count").GetInt32();
        var taxesIncluded = ShopifyJson.Read<ShopNode>((await shopify.SendAsync(credentials, Operations.Shop, null, ct)).GetProperty("shop")).TaxesIncluded;

        // The cursor is "bulk operation id|lines done": a restarted import reads the same result on from there.
        var (operationId, linesDone) = job.Cursor?.Split('|') is [var id, var done] ? (id, int.Parse(done, CultureInfo.InvariantCulture)) : (null, 0);
        operationId ??= await bulk.StartAsync(credentials, Operations.ProductVariantsBulkQuery, ct);
        job.Cursor = $"{operationId}|{linesDone}";
        await saveProgress();
        if (await bulk.WaitAsync(credentials, operationId, ct) is not { } url)
            return;
        await foreach (var batch in bulk.ReadAsync(url, linesDone, BatchSize, ct))
        {
            await ImportBatchAsync(store, taxesIncluded, job, batch, ct);
            linesDone += batch.Count;
            job.Done = linesDone;
            job.Cursor = $"{operationId}|{linesDone}";
            await saveProgress();
            db.ChangeTracker.Clear(); // a batch at a time: memory stays flat however large the catalogue
        }
    }

    private async Task ImportBatchAsync(ShopifyStore store, bool taxesIncluded, ImportJob job, IReadOnlyList<JsonElement> lines, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var withSku = new List<(ProductVariantLine Node, string Sku)>();
        foreach (var node in lines.Select(ShopifyJson.Read<ProductVariantLine>))
        {
            if (node.Sku is { Length: > 0 } sku && !string.IsNullOrWhiteSpace(sku))
                withSku.Add((node, sku));
            else
                job.Report($"{node.Product.Title} ({node.Id})",
                    "has no SKU, so it cannot be matched or synced; give it a SKU in Shopify and import again");
        }

        var shopifyIds = withSku.Select(x => x.Node.Id).ToList();
        var links = db.LinksOf(ShopifyChannel.Store(store.Id));
        var mappings = await links.Where(m => shopifyIds.Contains(m.StoreItemId)).ToDictionaryAsync(m => m.StoreItemId, ct);
        var skus = withSku.Select(x => x.Sku).Distinct().ToList();
        var newestBySku = await SkuMatch.NewestBySkuAsync(db, skus, ct);
        var productIds = withSku.Select(x => x.Node.Product.Id).Distinct().ToList();
        var itemOfProduct = (await links.Where(m => productIds.Contains(m.StoreProductId))
                .Join(db.Variants, m => m.VariantId, v => v.Id, (m, v) => new { m.StoreProductId, v.ItemId }).ToListAsync(ct))
            .GroupBy(x => x.StoreProductId).ToDictionary(g => g.Key, g => g.First().ItemId);

        var created = new Dictionary<string, Variant>(StringComparer.Ordinal);
        var newItems = new Dictionary<string, Item>();
        foreach (var (node, sku) in withSku)
        {
            var shopifyVariantId = node.Id;
            if (!newestBySku.ContainsKey(sku) && !created.ContainsKey(sku))
            {
                created[sku] = await NewVariantAsync(store, taxesIncluded, node, sku, itemOfProduct, newItems, now, ct);
                job.Count("created");
            }
            else
                job.Count(mappings.ContainsKey(shopifyVariantId) ? "updated" : "matched");
        }
        await db.SaveChangesAsync(ct); // new variants get their ids

        foreach (var (node, sku) in withSku)
        {
            var shopifyVariantId = node.Id;
            if (!mappings.TryGetValue(shopifyVariantId, out var mapping))
            {
                mapping = new SkuLink(ShopifyChannel.Store(store.Id), node.Product.Id, shopifyVariantId, now);
                db.Add(mapping);
                mappings[shopifyVariantId] = mapping;
            }
            (mapping.StoreProductId, mapping.StoreStockItemId) = (node.Product.Id, node.InventoryItem.Id);
            mapping.LinkTo(created.TryGetValue(sku, out var variant) ? variant.Id : newestBySku[sku], sku, now);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A variant of a Shopify product already imported joins that product; otherwise a new product is made.</summary>
    private async Task<Variant> NewVariantAsync(ShopifyStore store, bool taxesIncluded, ProductVariantLine node, string sku, Dictionary<string, long> itemOfProduct,
        Dictionary<string, Item> newItems, DateTime now, CancellationToken ct)
    {
        var productId = node.Product.Id;
        if (!newItems.TryGetValue(productId, out var item))
        {
            item = itemOfProduct.TryGetValue(productId, out var itemId) ? await db.Items.Include(i => i.Variants).FirstAsync(i => i.Id == itemId, ct) : null;
            if (item is null)
            {
                item = new Item(!node.InventoryItem.Tracked && store.Settings.ImportNonPhysicalAsServices ? ItemKind.Service : ItemKind.Product,
                    node.Product.Title ?? "Untitled", now);
                db.Items.Add(item);
            }
            newItems[productId] = item;
        }
        var variant = item.AddVariant(sku, now);
        variant.Name = node.Title is null or "Default Title" ? null : node.Title;
        var cost = store.Settings.ImportCostPerItem ? node.InventoryItem.UnitCost?.Amount : null;
        // R-CFG-1: where the store's prices include tax, the product's sales price is net of the Products tab's rate.
        variant.SetPrices(ShopifyPrices.Net(node.Price ?? 0,
            taxesIncluded, store.Settings.ProductsDefaultTaxRate), cost);
        return variant;
    }
}
