using System.Globalization;
using GraphQL;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>Locations, products, variants, inventory items and levels as GraphQL objects. Back-references are lazy.</summary>
public sealed class CatalogNodes(Shop shop)
{
    public Node Location(ShopLocation l) => new Node("Location")
        .With("id", Gid.Of("Location", l.Id))
        .With("legacyResourceId", l.Id.ToString(CultureInfo.InvariantCulture))
        .With("name", l.Name)
        .With("isActive", l.IsActive)
        .With("fulfillsOnlineOrders", l.FulfillsOnlineOrders)
        .With("createdAt", Time(l.CreatedAt))
        .With("inventoryLevels", ctx => Connections.Of(ctx, shop.InventoryLevels.Where(x => x.Location == l), x => x.Item.Id, InventoryLevel));

    public Node Product(ShopProduct p) => new Node("Product")
        .With("id", Gid.Of("Product", p.Id))
        .With("legacyResourceId", p.Id.ToString(CultureInfo.InvariantCulture))
        .With("title", p.Title)
        .With("handle", p.Handle)
        .With("status", p.Status)
        .With("vendor", p.Vendor ?? "")
        .With("productType", p.ProductType ?? "")
        .With("createdAt", Time(p.CreatedAt))
        .With("updatedAt", Time(p.UpdatedAt))
        .With("tracksInventory", p.Variants.Any(v => v.InventoryItem.Tracked))
        .With("totalInventory", _ => (int)shop.InventoryLevels.Where(l => p.Variants.Contains(l.Item.Variant!)).Sum(l => l.Available))
        .With("variantsCount", new Node("Count").With("count", p.Variants.Count).With("precision", "EXACT"))
        .With("variants", ctx => Connections.Of(ctx, p.Variants, v => v.Id, Variant));

    public Node Variant(ShopVariant v) => new Node("ProductVariant")
        .With("id", Gid.Of("ProductVariant", v.Id))
        .With("legacyResourceId", v.Id.ToString(CultureInfo.InvariantCulture))
        .With("title", v.Title)
        .With("displayName", $"{v.Product.Title} - {v.Title}")
        .With("sku", v.Sku)
        .With("price", v.Price.ToString("0.00", CultureInfo.InvariantCulture))
        .With("createdAt", Time(v.CreatedAt))
        .With("updatedAt", Time(v.UpdatedAt))
        .With("inventoryQuantity", _ => (int)shop.InventoryLevels.Where(l => l.Item == v.InventoryItem).Sum(l => l.Available))
        .With("product", _ => Product(v.Product))
        .With("inventoryItem", _ => InventoryItem(v.InventoryItem));

    public Node InventoryItem(ShopInventoryItem i) => new Node("InventoryItem")
        .With("id", Gid.Of("InventoryItem", i.Id))
        .With("legacyResourceId", i.Id.ToString(CultureInfo.InvariantCulture))
        .With("sku", i.Variant?.Sku)
        .With("tracked", i.Tracked)
        .With("createdAt", Time(i.CreatedAt))
        .With("updatedAt", Time(i.UpdatedAt))
        .With("unitCost", i.Cost is { } cost ? new Node("MoneyV2").With("amount", cost.ToString(CultureInfo.InvariantCulture)).With("currencyCode", shop.Currency) : null)
        .With("variant", _ => i.Variant is null ? null : Variant(i.Variant))
        .With("inventoryLevels", ctx => Connections.Of(ctx, shop.InventoryLevels.Where(l => l.Item == i), l => l.Location.Id, InventoryLevel))
        .With("inventoryLevel", ctx => shop.Level(i.Id, Gid.Id(ctx.GetArgument<string>("locationId"), "Location")) is { } level ? InventoryLevel(level) : null);

    public Node InventoryLevel(ShopInventoryLevel l) => new Node("InventoryLevel")
        .With("id", $"gid://shopify/InventoryLevel/{l.Location.Id}?inventory_item_id={l.Item.Id}")
        .With("createdAt", Time(l.Item.CreatedAt))
        .With("updatedAt", Time(l.UpdatedAt))
        .With("canDeactivate", true)
        .With("location", _ => Location(l.Location))
        .With("item", _ => InventoryItem(l.Item))
        .With("quantities", ctx => ctx.GetArgument<List<string>>("names").Select(name => new Node("InventoryQuantity")
            .With("id", $"gid://shopify/InventoryQuantity/{l.Location.Id}?inventory_item_id={l.Item.Id}&name={name}")
            .With("name", name)
            .With("quantity", (int)Quantity(l, name))
            .With("updatedAt", Time(l.UpdatedAt))).ToList());

    public static long Quantity(ShopInventoryLevel level, string name) => name switch
    {
        "available" => level.Available,
        "on_hand" => level.OnHand,
        "committed" => level.Committed,
        _ => 0,
    };

    public static string Time(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
