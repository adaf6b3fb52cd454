using System.Globalization;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.Webhooks;

/// <summary>products/* and inventory_items/* bodies in the REST shape (shared/fixtures/shopify/legacy-rest/product.json, inventory_item.json).</summary>
public static class CatalogPayloads
{
    public static object Product(Shop shop, ShopProduct product) => new Dictionary<string, object?>
    {
        ["id"] = product.Id,
        ["title"] = product.Title,
        ["body_html"] = null,
        ["vendor"] = product.Vendor,
        ["product_type"] = product.ProductType ?? "",
        ["handle"] = product.Handle,
        ["created_at"] = Time(product.CreatedAt),
        ["updated_at"] = Time(product.UpdatedAt),
        ["published_at"] = Time(product.CreatedAt),
        ["template_suffix"] = null,
        ["status"] = product.Status.ToLowerInvariant(),
        ["tags"] = "",
        ["admin_graphql_api_id"] = $"gid://shopify/Product/{product.Id}",
        ["variants"] = product.Variants.Select((v, i) => Variant(shop, v, i + 1)).ToList(),
        ["options"] = new[] { new Dictionary<string, object?> { ["name"] = "Title", ["position"] = 1, ["values"] = product.Variants.Select(v => v.Title).ToList() } },
        ["images"] = Array.Empty<object>(),
    };

    public static object InventoryItem(ShopInventoryItem item) => new Dictionary<string, object?>
    {
        ["id"] = item.Id,
        ["sku"] = item.Variant?.Sku,
        ["created_at"] = Time(item.CreatedAt),
        ["updated_at"] = Time(item.UpdatedAt),
        ["tracked"] = item.Tracked,
        ["requires_shipping"] = true,
        ["cost"] = item.Cost?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        ["admin_graphql_api_id"] = $"gid://shopify/InventoryItem/{item.Id}",
    };

    public static object Deleted(long id) => new Dictionary<string, object?> { ["id"] = id };

    private static Dictionary<string, object?> Variant(Shop shop, ShopVariant variant, int position) => new()
    {
        ["id"] = variant.Id,
        ["product_id"] = variant.Product.Id,
        ["title"] = variant.Title,
        ["price"] = variant.Price.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        ["sku"] = variant.Sku,
        ["position"] = position,
        ["inventory_policy"] = "deny",
        ["compare_at_price"] = null,
        ["fulfillment_service"] = "manual",
        ["inventory_management"] = variant.InventoryItem.Tracked ? "shopify" : null,
        ["option1"] = variant.Title,
        ["option2"] = null,
        ["option3"] = null,
        ["created_at"] = Time(variant.CreatedAt),
        ["updated_at"] = Time(variant.UpdatedAt),
        ["taxable"] = true,
        ["grams"] = 0,
        ["requires_shipping"] = true,
        ["inventory_item_id"] = variant.InventoryItem.Id,
        ["inventory_quantity"] = shop.InventoryLevels.Where(l => l.Item == variant.InventoryItem).Sum(l => l.Available),
        ["admin_graphql_api_id"] = $"gid://shopify/ProductVariant/{variant.Id}",
    };

    private static string Time(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
