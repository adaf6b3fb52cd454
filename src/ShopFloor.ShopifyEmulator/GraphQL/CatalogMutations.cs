using GraphQL;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>What a merchant's own tools call on a development store: locationAdd, productCreate, productVariantsBulkCreate.</summary>
internal static class CatalogMutations
{
    public static void AddTo(Node root, Shop shop, DateTime now)
    {
        var nodes = new CatalogNodes(shop);
        root.With("locationAdd", ctx =>
        {
            var input = ctx.GetArgument<Dictionary<string, object?>>("input");
            var name = input.String("name") ?? "";
            if (shop.Locations.Any(l => l.Name == name))
                return new Node("LocationAddPayload").With("location", (object?)null)
                    .With("userErrors", new[] { Inputs.UserError("LocationAddUserError", ["input", "name"], "Name has already been taken", "TAKEN") });
            var location = shop.AddLocation(name, now);
            location.FulfillsOnlineOrders = input.Bool("fulfillsOnlineOrders") ?? true;
            return new Node("LocationAddPayload").With("location", nodes.Location(location)).With("userErrors", Array.Empty<Node>());
        });
        root.With("productCreate", ctx =>
        {
            var input = ctx.GetArgument<Dictionary<string, object?>>("product") ?? [];
            var title = input.String("title");
            if (string.IsNullOrWhiteSpace(title))
                return new Node("ProductCreatePayload").With("product", (object?)null)
                    .With("userErrors", new[] { Inputs.UserError("UserError", ["title"], "Title can't be blank") });
            var product = new ShopProduct
            {
                Id = shop.NextId(), Title = title, Handle = input.String("handle") ?? Handle(title), Status = input.String("status") ?? "ACTIVE",
                Vendor = input.String("vendor"), ProductType = input.String("productType"), CreatedAt = now, UpdatedAt = now,
            };
            shop.Products.Add(product);
            shop.AddVariant(product, null, 0, null, now); // Shopify gives every product a standalone variant.
            return new Node("ProductCreatePayload").With("product", nodes.Product(product)).With("userErrors", Array.Empty<Node>());
        });
        root.With("productVariantsBulkCreate", ctx =>
        {
            var product = Gid.TryId(ctx.GetArgument<string>("productId"), "Product", out var id) ? shop.Products.FirstOrDefault(p => p.Id == id) : null;
            if (product is null)
                return new Node("ProductVariantsBulkCreatePayload").With("product", (object?)null).With("productVariants", (object?)null)
                    .With("userErrors", new[] { Inputs.UserError("ProductVariantsBulkCreateUserError", ["productId"], "Product does not exist", "PRODUCT_DOES_NOT_EXIST") });
            // The standalone variant productCreate made gives way to the real ones.
            if (product.Variants is [{ Sku: null, Title: "Default Title" } standalone])
                RemoveVariant(shop, product, standalone);
            var created = ctx.GetArgument<List<object?>>("variants").OfType<IDictionary<string, object?>>().Select(input =>
            {
                var item = input.Object("inventoryItem");
                var title = input.Objects("optionValues").Select(o => o.String("name")).FirstOrDefault(n => n is not null);
                var variant = shop.AddVariant(product, item?.String("sku"), input.Decimal("price") ?? 0, title, now);
                variant.InventoryItem.Tracked = item?.Bool("tracked") ?? true;
                variant.InventoryItem.Cost = item?.Decimal("cost");
                foreach (var quantity in input.Objects("inventoryQuantities"))
                    if (Gid.TryId(quantity.String("locationId"), "Location", out var locationId) && shop.Level(variant.InventoryItem.Id, locationId) is { } level)
                        level.Available = (long)(quantity.Decimal("availableQuantity") ?? 0);
                return variant;
            }).ToList();
            product.UpdatedAt = now;
            return new Node("ProductVariantsBulkCreatePayload").With("product", nodes.Product(product))
                .With("productVariants", created.Select(nodes.Variant).ToList()).With("userErrors", Array.Empty<Node>());
        });
    }

    private static void RemoveVariant(Shop shop, ShopProduct product, ShopVariant variant)
    {
        product.Variants.Remove(variant);
        shop.RemoveVariantStock(variant);
    }

    private static string Handle(string title) =>
        string.Join('-', title.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
