using System.Text.Json;
using System.Text.Json.Nodes;
using ShopFloor.WooEmulator.Store;
using static ShopFloor.WooEmulator.Api.StoreAccess;

namespace ShopFloor.WooEmulator.Api;

/// <summary>/products and /products/{id}/variations: reading the catalogue by SKU, and setting stock one by one or in batches.</summary>
public static class ProductsApi
{
    public static void MapProducts(this RouteGroupBuilder api)
    {
        api.MapGet("/products", (HttpContext http, string? sku) => InStoreAsync(http, store =>
            WooPaging.Page(http, store.Products.Where(p => sku == null || p.Sku == sku).OrderBy(p => p.Id).ToList(), p => Payloads.Product(store, p))));
        api.MapGet("/products/{id:long}", (HttpContext http, long id) => InStoreAsync(http, store =>
            store.Products.FirstOrDefault(p => p.Id == id) is { } product ? Results.Json(Payloads.Product(store, product)) : WooErrors.InvalidId("product")));
        api.MapPut("/products/{id:long}", (HttpContext http, long id, JsonObject body, Checkout checkout) => InStoreAsync(http, store =>
        {
            if (store.Products.FirstOrDefault(p => p.Id == id) is not { } product)
                return WooErrors.InvalidId("product");
            if (Text(body, "sku") is { } sku && !Checkout.TrySetSku(store, product, null, sku))
                return DuplicatedSku(id);
            checkout.SetStock(store, product, null, Int(body, "stock_quantity"), Bool(body, "manage_stock"));
            return Results.Json(Payloads.Product(store, product));
        }));
        api.MapPut("/products/{id:long}/variations/{variationId:long}", (HttpContext http, long id, long variationId, JsonObject body, Checkout checkout) =>
            InStoreAsync(http, store =>
            {
                if (store.Products.FirstOrDefault(p => p.Id == id) is not { } product)
                    return WooErrors.InvalidId("product");
                if (product.Variations.FirstOrDefault(v => v.Id == variationId) is not { } variation)
                    return WooErrors.InvalidId("product_variation");
                if (Text(body, "sku") is { } sku && !Checkout.TrySetSku(store, product, variation, sku))
                    return DuplicatedSku(variationId);
                checkout.SetStock(store, product, variation, Int(body, "stock_quantity"), Bool(body, "manage_stock"));
                return Results.Json(Payloads.Variation(store, variation));
            }));
        api.MapPost("/products/batch", (HttpContext http, JsonObject body, Checkout checkout) => InStoreAsync(http, store =>
            Batch(body, update =>
                store.Products.FirstOrDefault(p => p.Id == Id(update)) is { } product
                    ? Updated(() => checkout.SetStock(store, product, null, Int(update, "stock_quantity"), Bool(update, "manage_stock")), () => Payloads.Product(store, product))
                    : Error(Id(update), "woocommerce_rest_product_invalid_id"))));
        api.MapGet("/products/{id:long}/variations", (HttpContext http, long id, string? sku) => InStoreAsync(http, store =>
            store.Products.FirstOrDefault(p => p.Id == id) is { } product
                ? WooPaging.Page(http, product.Variations.Where(v => sku == null || v.Sku == sku).ToList(), v => Payloads.Variation(store, v))
                : WooErrors.InvalidId("product")));
        api.MapPost("/products/{id:long}/variations/batch", (HttpContext http, long id, JsonObject body, Checkout checkout) => InStoreAsync(http, store =>
        {
            if (store.Products.FirstOrDefault(p => p.Id == id) is not { } product)
                return WooErrors.InvalidId("product");
            return Batch(body, update =>
                product.Variations.FirstOrDefault(v => v.Id == Id(update)) is { } variation
                    ? Updated(() => checkout.SetStock(store, product, variation, Int(update, "stock_quantity"), Bool(update, "manage_stock")), () => Payloads.Variation(store, variation))
                    : Error(Id(update), "woocommerce_rest_product_variation_invalid_id"));
        }));
    }

    /// <summary>A batch's <c>update</c> entries (at most 100), each answered in order: the resource, or an error of its own.</summary>
    private static IResult Batch(JsonObject body, Func<JsonObject, JsonObject> update)
    {
        var updates = body["update"] as JsonArray ?? [];
        if (updates.Count > 100)
            return WooErrors.Of(413, "woocommerce_rest_request_entity_too_large", "Unable to accept more than 100 items for this request.");
        return Results.Json(new JsonObject { ["update"] = new JsonArray([.. updates.OfType<JsonObject>().Select(u => (JsonNode)update(u))]) });
    }

    private static JsonObject Updated(Action change, Func<JsonObject> after)
    {
        change();
        return after();
    }

    private static JsonObject Error(long id, string code) => new()
    {
        ["id"] = id, ["error"] = new JsonObject { ["code"] = code, ["message"] = "Invalid ID.", ["data"] = new JsonObject { ["status"] = 400 } },
    };

    private static long Id(JsonObject o) => o["id"]?.GetValueKind() == JsonValueKind.Number ? o["id"]!.GetValue<long>() : 0;

    private static int? Int(JsonObject o, string name) => o[name]?.GetValueKind() switch
    {
        JsonValueKind.Number => (int)o[name]!.GetValue<decimal>(),
        JsonValueKind.String => int.TryParse(o[name]!.GetValue<string>(), out var n) ? n : null,
        _ => null,
    };

    private static string? Text(JsonObject o, string name) => o[name]?.GetValueKind() == JsonValueKind.String ? o[name]!.GetValue<string>().Trim() : null;

    /// <summary>WooCommerce's answer to a SKU another product or variation has (WC_Product::set_sku).</summary>
    private static IResult DuplicatedSku(long id) =>
        WooErrors.Of(400, "product_invalid_sku", "Invalid or duplicated SKU.", new JsonObject { ["resource_id"] = id });

    private static bool? Bool(JsonObject o, string name) => o[name]?.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? o[name]!.GetValue<bool>() : null;
}
