using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ShopFloor.WooEmulator.Store;
using static ShopFloor.WooEmulator.Api.StoreAccess;

namespace ShopFloor.WooEmulator.Api;

/// <summary>/orders: listing (by status, modified_after), reading, a status change, deleting, refunds with api_restock.</summary>
public static class OrdersApi
{
    public static void MapOrders(this RouteGroupBuilder api)
    {
        api.MapGet("/orders", (HttpContext http, string? status, DateTime? modified_after) => InStoreAsync(http, store =>
        {
            var statuses = status?.Split(',') ?? [];
            if (statuses.FirstOrDefault(s => s != "any" && !OrderStatus.All.Contains(s)) is { } unknown)
                return WooErrors.InvalidParam("status", $"status[0] is not one of {string.Join(", ", OrderStatus.All)}, and any.");
            var orders = store.Orders
                .Where(o => statuses.Length == 0 || statuses.Contains("any") || statuses.Contains(o.Status))
                .Where(o => modified_after == null || o.ModifiedAt > modified_after.Value.ToUniversalTime())
                .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).ToList();
            return WooPaging.Page(http, orders, o => Payloads.Order(store, o));
        }));
        api.MapGet("/orders/{id:long}", (HttpContext http, long id) => InStoreAsync(http, store =>
            store.Orders.FirstOrDefault(o => o.Id == id) is { } order ? Results.Json(Payloads.Order(store, order)) : WooErrors.InvalidId("shop_order")));
        api.MapPut("/orders/{id:long}", (HttpContext http, long id, JsonObject body, Checkout checkout) => InStoreAsync(http, store =>
        {
            if (store.Orders.FirstOrDefault(o => o.Id == id) is not { } order)
                return WooErrors.InvalidId("shop_order");
            if (body["status"] is { } status)
            {
                if (status.GetValueKind() != JsonValueKind.String || !OrderStatus.All.Contains(status.GetValue<string>()))
                    return WooErrors.InvalidParam("status", $"status is not one of {string.Join(", ", OrderStatus.All)}.");
                checkout.SetStatus(store, order, status.GetValue<string>());
            }
            return Results.Json(Payloads.Order(store, order));
        }));
        api.MapDelete("/orders/{id:long}", (HttpContext http, long id, Checkout checkout) => InStoreAsync(http, store =>
        {
            if (store.Orders.FirstOrDefault(o => o.Id == id) is not { } order)
                return WooErrors.InvalidId("shop_order");
            var answer = Payloads.Order(store, order);
            checkout.Delete(store, order);
            return Results.Json(answer);
        }));
        api.MapPost("/orders/{id:long}/refunds", (HttpContext http, long id, JsonObject body, Checkout checkout) => InStoreAsync(http, store =>
        {
            if (store.Orders.FirstOrDefault(o => o.Id == id) is not { } order)
                return WooErrors.InvalidId("shop_order");
            var lines = (body["line_items"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(l => (LineItemId: l["id"]!.GetValue<long>(), Quantity: l["quantity"]?.GetValue<int>() ?? 0)).Where(l => l.Quantity > 0).ToList();
            if (lines.FirstOrDefault(l => order.LineItems.All(x => x.Id != l.LineItemId)) is { LineItemId: > 0 } unknown)
                return WooErrors.InvalidParam("line_items", $"line item {unknown.LineItemId} is not in the order");
            var amount = decimal.TryParse(body["amount"]?.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var a) ? a : 0m;
            if (amount > order.Total - order.Refunds.Sum(r => r.Amount))
                return WooErrors.Of(500, "woocommerce_rest_cannot_create_order_refund", "Invalid refund amount.");
            var restock = body["api_restock"]?.GetValue<bool>() ?? true;
            var refund = checkout.Refund(store, order, amount, body["reason"]?.GetValue<string>() ?? "", lines, restock);
            return Results.Json(Payloads.Refund(store, order, refund), statusCode: 201);
        }));
    }
}
