using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.Links;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;
using ShopFloor.Core.Outbox;
using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;

namespace ShopFloor.Shopify.Mapping;

/// <summary>
/// R-IMP-2 kept true between imports: on products/* and inventory_items/* webhooks the product's variants are read
/// from Shopify and the SKU mapping follows — a SKU edited in Shopify maps the variant to the ShopFloor variant
/// with the new SKU (or leaves it unmapped, for the merchant to fix), a deleted variant or product loses its
/// mapping. Newly mapped variants get their Available pushed. New ShopFloor items are made only by the product import.
/// </summary>
public sealed class ProductSync(ShopFloorDbContext db, ShopifyAdminClient shopify, TokenVault tokens, SyncLogWriter log, TimeProvider clock)
{
    private sealed record ShopifyVariant(string Id, string? Sku, string InventoryItemId);

    public async Task<string> RefreshAsync(ShopifyStore store, string productId, CancellationToken ct)
    {
        var credentials = tokens.CredentialsOf(store);
        var variants = new List<ShopifyVariant>();
        await foreach (var (nodes, _) in shopify.ReadAsync(credentials, Operations.ProductVariantsOfProduct, "product.variants",
            new Dictionary<string, object?> { ["id"] = productId }, null, ct))
            variants.AddRange(nodes.Select(ShopifyJson.Read<VariantNode>).Select(n => new ShopifyVariant(n.Id,
                n.Sku is { Length: > 0 } sku && !string.IsNullOrWhiteSpace(sku) ? sku : null, n.InventoryItem.Id)));

        var variantIds = variants.Select(v => v.Id).ToList();
        var mappings = await db.LinksOf(ShopifyChannel.Store(store.Id))
            .Where(m => m.StoreProductId == productId || variantIds.Contains(m.StoreItemId)).ToListAsync(ct);
        var newest = await SkuMatch.NewestBySkuAsync(db, variants.Select(v => v.Sku).OfType<string>().Distinct().ToList(), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = new HashSet<long>();
        var notes = new List<(SyncOutcome Outcome, string Message, string? Reference)>();

        foreach (var gone in mappings.Where(m => !variantIds.Contains(m.StoreItemId)).ToList())
        {
            db.Remove(gone);
            Note(SyncOutcome.Ok, $"Shopify variant {gone.Sku} was deleted; it no longer syncs", gone.Sku);
        }
        foreach (var variant in variants)
        {
            var mapping = mappings.FirstOrDefault(m => m.StoreItemId == variant.Id);
            if (variant.Sku is null || !newest.TryGetValue(variant.Sku, out var target))
            {
                if (mapping is not null)
                    db.Remove(mapping);
                Note(SyncOutcome.NeedsAction, variant.Sku is null
                    ? $"A variant of Shopify product {productId} has no SKU, so it does not sync; give it a SKU in Shopify"
                    : $"SKU {variant.Sku} is not a ShopFloor variant, so it does not sync; create it in ShopFloor or run the product import", variant.Sku);
                continue;
            }
            if (mapping is null)
            {
                mapping = new SkuLink(ShopifyChannel.Store(store.Id), productId, variant.Id, now);
                db.Add(mapping);
                Note(SyncOutcome.Ok, $"Shopify variant {variant.Sku} now syncs with the ShopFloor variant of that SKU", variant.Sku);
            }
            else if (mapping.Sku != variant.Sku || mapping.VariantId != target)
                Note(SyncOutcome.Ok, $"SKU {mapping.Sku} became {variant.Sku} in Shopify; it now syncs with ShopFloor's {variant.Sku}", variant.Sku);
            else if (mapping.StoreStockItemId == variant.InventoryItemId)
                continue;
            (mapping.StoreProductId, mapping.StoreStockItemId) = (productId, variant.InventoryItemId);
            mapping.LinkTo(target, variant.Sku, now);
            changed.Add(target);
        }

        var locations = await db.Set<ShopifyLocation>().Where(l => l.StoreId == store.Id && l.IsActive && l.LocationId != null)
            .Select(l => l.LocationId!.Value).Distinct().ToListAsync(ct);
        foreach (var variantId in changed)
            foreach (var location in locations)
                db.OutboxMessages.Add(new InventoryChanged(variantId, location).ToMessage(now));
        await db.SaveChangesAsync(ct);
        foreach (var (outcome, message, reference) in notes)
            await log.InAsync(ShopifyChannel.Store(store.Id), SyncSubject.Product, outcome, message, reference, ct);
        return notes.Count == 0 ? "the SKU mapping is unchanged" : string.Join("; ", notes.Select(n => n.Message));

        void Note(SyncOutcome outcome, string message, string? reference) => notes.Add((outcome, message, reference));
    }

    /// <summary>The product an inventory item belongs to: from the mapping, else from Shopify (null when it is gone).</summary>
    public async Task<string?> ProductOfItemAsync(ShopifyStore store, string inventoryItemId, CancellationToken ct)
    {
        if (await db.LinksOf(ShopifyChannel.Store(store.Id)).Where(m => m.StoreStockItemId == inventoryItemId)
                .Select(m => m.StoreProductId).FirstOrDefaultAsync(ct) is { Length: > 0 } known)
            return known;
        var item = (await shopify.SendAsync(tokens.CredentialsOf(store), Operations.InventoryItemProduct, new { id = inventoryItemId }, ct)).GetProperty("inventoryItem");
        return item.ValueKind == System.Text.Json.JsonValueKind.Object && item.GetProperty("variant") is { ValueKind: System.Text.Json.JsonValueKind.Object } variant
            ? variant.GetProperty("product").GetProperty("id").GetString()
            : null;
    }
}
