using GraphQL;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>The QueryRoot fields the emulator serves (shop, locations, catalogue, inventory, webhook subscriptions).</summary>
internal static class QueryFields
{
    public static void AddTo(Node root, Shop shop)
    {
        var nodes = new CatalogNodes(shop);
        root.With("shop", _ => new Node("Shop")
            .With("id", Gid.Of("Shop", Math.Abs(shop.Domain.GetHashCode())))
            .With("name", shop.Name)
            .With("myshopifyDomain", shop.Domain)
            .With("currencyCode", shop.Currency)
            .With("taxesIncluded", shop.TaxesIncluded)
            .With("ianaTimezone", "Etc/UTC"));
        root.With("locations", ctx => Connections.Of(ctx,
            shop.Locations.Where(l => l.IsActive || ctx.GetArgument<bool>("includeInactive")), l => l.Id, nodes.Location));
        root.With("location", ctx => Find(shop.Locations, ctx, "Location", l => l.Id) is { } l ? nodes.Location(l) : null);
        root.With("products", ctx => Connections.Of(ctx, Filter(shop.Products, ctx, p => p.Variants.Select(v => v.Sku)), p => p.Id, nodes.Product));
        root.With("product", ctx => Find(shop.Products, ctx, "Product", p => p.Id) is { } p ? nodes.Product(p) : null);
        root.With("productVariants", ctx => Connections.Of(ctx, Filter(shop.Variants, ctx, v => [v.Sku]), v => v.Id, nodes.Variant));
        root.With("productVariant", ctx => Find(shop.Variants, ctx, "ProductVariant", v => v.Id) is { } v ? nodes.Variant(v) : null);
        // nodes(ids:) for the ids the integration reads this way: inventory levels (gid://shopify/InventoryLevel/{location}?inventory_item_id={item}).
        root.With("nodes", ctx => ctx.GetArgument<List<object?>>("ids").Select(id => LevelOf(shop, id?.ToString()) is { } level ? nodes.InventoryLevel(level) : null).ToList());
        root.With("inventoryItem", ctx => Find(shop.Variants.Select(v => v.InventoryItem), ctx, "InventoryItem", i => i.Id) is { } i ? nodes.InventoryItem(i) : null);
        root.With("inventoryItems", ctx => Connections.Of(ctx, Filter(shop.Variants.Select(v => v.InventoryItem), ctx, i => [i.Variant?.Sku]), i => i.Id, nodes.InventoryItem));
        root.With("productVariantsCount", _ => Count(shop.Variants.Count()));
        root.With("productsCount", _ => Count(shop.Products.Count));
        root.With("customersCount", _ => Count(shop.Customers.Count));
        root.With("webhookSubscriptions", ctx => Connections.Of(ctx, shop.Webhooks, w => w.Id, WebhookMutations.Node));
    }

    private static Node Count(int count) => new Node("Count").With("count", count).With("precision", "EXACT");

    private static T? Find<T>(IEnumerable<T> all, IResolveFieldContext ctx, string type, Func<T, long> id) where T : class =>
        Gid.TryId(ctx.GetArgument<string>("id"), type, out var wanted) ? all.FirstOrDefault(x => id(x) == wanted) : null;

    /// <summary>The part of Shopify's search syntax the integration uses: <c>sku:ABC</c>.</summary>
    private static IEnumerable<T> Filter<T>(IEnumerable<T> all, IResolveFieldContext ctx, Func<T, IEnumerable<string?>> skus)
    {
        var query = ctx.GetArgument<string?>("query");
        if (string.IsNullOrWhiteSpace(query) || !query.StartsWith("sku:", StringComparison.OrdinalIgnoreCase))
            return all;
        var sku = query[4..].Trim().Trim('"', '\'');
        return all.Where(x => skus(x).Contains(sku));
    }

    private static ShopInventoryLevel? LevelOf(Shop shop, string? gid)
    {
        const string prefix = "gid://shopify/InventoryLevel/";
        if (gid is null || !gid.StartsWith(prefix, StringComparison.Ordinal) || gid[prefix.Length..].Split("?inventory_item_id=") is not [var location, var item])
            return null;
        return long.TryParse(location, out var locationId) && long.TryParse(item, out var itemId) ? shop.Level(itemId, locationId) : null;
    }
}
