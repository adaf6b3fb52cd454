using System.Globalization;
using GraphQL;
using ShopFloor.ShopifyEmulator.Store;
using ShopFloor.ShopifyEmulator.Webhooks;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>
/// What a merchant's own tools call on a development store: productCreate, productVariantsBulkCreate,
/// productVariantsBulkUpdate (SKU, price, tracked) and productDelete, each with the products/* and
/// inventory_items/* webhooks Shopify sends.
/// </summary>
internal static class CatalogMutations
{
    public static void AddTo(Node root, Shop shop, WebhookDispatcher webhooks, DateTime now)
    {
        var nodes = new CatalogNodes(shop);
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
            webhooks.Publish(shop, "products/create", CatalogPayloads.Product(shop, product));
            return new Node("ProductCreatePayload").With("product", nodes.Product(product)).With("userErrors", Array.Empty<Node>());
        });
        AddUpdateAndDelete(root, shop, nodes, webhooks, now);
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
            webhooks.Publish(shop, "products/update", CatalogPayloads.Product(shop, product));
            return new Node("ProductVariantsBulkCreatePayload").With("product", nodes.Product(product))
                .With("productVariants", created.Select(nodes.Variant).ToList()).With("userErrors", Array.Empty<Node>());
        });
    }

    private static void AddUpdateAndDelete(Node root, Shop shop, CatalogNodes nodes, WebhookDispatcher webhooks, DateTime now)
    {
        root.With("productVariantsBulkUpdate", ctx =>
        {
            var product = Gid.TryId(ctx.GetArgument<string>("productId"), "Product", out var id) ? shop.Products.FirstOrDefault(p => p.Id == id) : null;
            if (product is null)
                return new Node("ProductVariantsBulkUpdatePayload").With("product", (object?)null).With("productVariants", (object?)null)
                    .With("userErrors", new[] { Inputs.UserError("ProductVariantsBulkUpdateUserError", ["productId"], "Product does not exist", "PRODUCT_DOES_NOT_EXIST") });
            var updated = new List<ShopVariant>();
            foreach (var (input, index) in ctx.GetArgument<List<object?>>("variants").OfType<IDictionary<string, object?>>().Select((v, i) => (v, i)))
            {
                if (!Gid.TryId(input.String("id"), "ProductVariant", out var variantId) || product.Variants.FirstOrDefault(v => v.Id == variantId) is not { } variant)
                    return new Node("ProductVariantsBulkUpdatePayload").With("product", nodes.Product(product)).With("productVariants", (object?)null)
                        .With("userErrors", new[] { Inputs.UserError("ProductVariantsBulkUpdateUserError", ["variants", index.ToString(CultureInfo.InvariantCulture), "id"],
                            "Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST") });
                if (input.Object("inventoryItem") is { } item)
                {
                    if (item.ContainsKey("sku"))
                        variant.Sku = item.String("sku");
                    variant.InventoryItem.Tracked = item.Bool("tracked") ?? variant.InventoryItem.Tracked;
                    variant.InventoryItem.UpdatedAt = now;
                    webhooks.Publish(shop, "inventory_items/update", CatalogPayloads.InventoryItem(variant.InventoryItem));
                }
                variant.Price = input.Decimal("price") ?? variant.Price;
                variant.UpdatedAt = now;
                updated.Add(variant);
            }
            product.UpdatedAt = now;
            webhooks.Publish(shop, "products/update", CatalogPayloads.Product(shop, product));
            return new Node("ProductVariantsBulkUpdatePayload").With("product", nodes.Product(product))
                .With("productVariants", updated.Select(nodes.Variant).ToList()).With("userErrors", Array.Empty<Node>());
        });
        root.With("productDelete", ctx =>
        {
            var input = ctx.GetArgument<Dictionary<string, object?>>("input");
            if (!Gid.TryId(input.String("id"), "Product", out var id) || shop.Products.FirstOrDefault(p => p.Id == id) is not { } product)
                return new Node("ProductDeletePayload").With("deletedProductId", (object?)null)
                    .With("userErrors", new[] { Inputs.UserError("UserError", ["id"], "Product does not exist") });
            foreach (var variant in product.Variants.ToList())
            {
                RemoveVariant(shop, product, variant);
                webhooks.Publish(shop, "inventory_items/delete", CatalogPayloads.Deleted(variant.InventoryItem.Id));
            }
            shop.Products.Remove(product);
            webhooks.Publish(shop, "products/delete", CatalogPayloads.Deleted(product.Id));
            return new Node("ProductDeletePayload").With("deletedProductId", Gid.Of("Product", product.Id)).With("userErrors", Array.Empty<Node>());
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
