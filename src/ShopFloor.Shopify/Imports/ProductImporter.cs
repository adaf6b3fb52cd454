using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Mapping;

namespace ShopFloor.Shopify.Imports;

/// <summary>
/// R-IMP-2: pulls every Shopify variant, matches it to a ShopFloor variant by SKU = variant code (case-sensitive;
/// the most recently created one where several share it), creates the product where none matches, and keeps the
/// SKU mapping table. Variants without a SKU are reported, not dropped silently. Re-running updates, never duplicates.
/// </summary>
public sealed class ProductImporter(ShopFloorDbContext db, ShopifyAdminClient shopify, TokenVault tokens, TimeProvider clock) : IImporter
{
    public ImportType Type => ImportType.Products;

    public async Task RunAsync(ImportJob job, Func<Task> saveProgress, CancellationToken ct)
    {
        var store = await db.Set<ShopifyStore>().FirstAsync(s => s.Id == job.StoreId, ct);
        var credentials = tokens.CredentialsOf(store);
        job.Total ??= (await shopify.SendAsync(credentials, Operations.ProductVariantsCount, null, ct)).GetProperty("productVariantsCount").GetProperty("count").GetInt32();
        await foreach (var (nodes, cursor) in shopify.ReadAsync(credentials, Operations.ProductVariants, "productVariants", job.Cursor, ct))
        {
            foreach (var node in nodes)
                await ImportAsync(store, job, node, ct);
            job.Done += nodes.Count;
            job.Cursor = cursor;
            await saveProgress();
            db.ChangeTracker.Clear(); // a page at a time: memory stays flat however large the catalogue
        }
    }

    private async Task ImportAsync(ShopifyStore store, ImportJob job, JsonElement node, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var shopifyVariantId = node.GetProperty("id").GetString()!;
        var product = node.GetProperty("product");
        var title = product.GetProperty("title").GetString() ?? "Untitled";
        var sku = node.GetProperty("sku").GetString();
        if (string.IsNullOrWhiteSpace(sku))
        {
            job.Report($"{title} ({shopifyVariantId})", "has no SKU, so it cannot be matched or synced; give it a SKU in Shopify and import again");
            return;
        }

        var mapping = await db.Set<SkuMapping>().FirstOrDefaultAsync(m => m.StoreId == store.Id && m.ShopifyVariantId == shopifyVariantId, ct);
        var variantId = await db.Variants.Where(v => v.Sku == sku).OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id)
            .Select(v => (long?)v.Id).FirstOrDefaultAsync(ct);
        if (variantId is null)
        {
            variantId = await CreateVariantAsync(store, node, title, sku, now, ct);
            job.Count("created");
        }
        else
            job.Count(mapping is null ? "matched" : "updated");

        if (mapping is null)
        {
            mapping = new SkuMapping(store.Id, shopifyVariantId, now);
            db.Add(mapping);
        }
        mapping.ShopifyProductId = product.GetProperty("id").GetString()!;
        mapping.ShopifyInventoryItemId = node.GetProperty("inventoryItem").GetProperty("id").GetString()!;
        mapping.Sku = sku;
        mapping.VariantId = variantId.Value;
        mapping.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A variant of a Shopify product already imported joins that product; otherwise a new product is made.</summary>
    private async Task<long> CreateVariantAsync(ShopifyStore store, JsonElement node, string title, string sku, DateTime now, CancellationToken ct)
    {
        var shopifyProductId = node.GetProperty("product").GetProperty("id").GetString();
        var siblingItemId = await db.Set<SkuMapping>().Where(m => m.StoreId == store.Id && m.ShopifyProductId == shopifyProductId)
            .Join(db.Variants, m => m.VariantId, v => v.Id, (m, v) => (long?)v.ItemId).FirstOrDefaultAsync(ct);
        var item = siblingItemId is { } itemId
            ? await db.Items.Include(i => i.Variants).FirstAsync(i => i.Id == itemId, ct)
            : null;
        if (item is null)
        {
            var tracked = node.GetProperty("inventoryItem").GetProperty("tracked").GetBoolean();
            item = new Item(!tracked && store.Settings.ImportNonPhysicalAsServices ? ItemKind.Service : ItemKind.Product, title, now);
            db.Items.Add(item);
        }
        var variant = item.AddVariant(sku, now);
        var variantTitle = node.GetProperty("title").GetString();
        variant.Name = variantTitle is null or "Default Title" ? null : variantTitle;
        var cost = store.Settings.ImportCostPerItem && node.GetProperty("inventoryItem").GetProperty("unitCost") is { ValueKind: JsonValueKind.Object } unitCost
            ? decimal.Parse(unitCost.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture)
            : (decimal?)null;
        variant.SetPrices(decimal.Parse(node.GetProperty("price").GetString() ?? "0", CultureInfo.InvariantCulture), cost);
        await db.SaveChangesAsync(ct);
        return variant.Id;
    }
}
