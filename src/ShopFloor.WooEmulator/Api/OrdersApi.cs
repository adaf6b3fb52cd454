using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ShopFloor.WooEmulator.Store;
using static ShopFloor.WooEmulator.Api.StoreAccess;

namespace ShopFloor.WooEmulator.Api;

/// <summary>/orders: listing (by status, modified_after), reading, a status or line change, trashing or deleting, refunds with api_restock.</summary>
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
                .Where(o => statuses.Contains(o.Status) || ((statuses.Length == 0 || statuses.Contains("any")) && o.Status != OrderStatus.Trash))
                .Where(o => modified_after == null || o.ModifiedAt > modified_after.Value.ToUniversalTime())
                .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).ToList();
            return WooPaging.Page(http, orders, o => Payloads.Order(store, o));
        }));
        api.MapGet("/orders/{id:long}", (HttpContext http, long id) => InStoreAsync(http, store =>
            store.Orders.FirstOrDefault(o => o.Id == id) is { } order ? Results.Json(Payloads.Order(store, order)) : WooErrors.InvalidId("shop_order")));
        api.MapPut("/orders/{id:long}", (HttpContext http, long id, JsonObject body, Checkout checkout) => InStoreAsync(http, store => Update(store, id, body, checkout)));
        api.MapDelete("/orders/{id:long}", (HttpContext http, long id, bool? force, Checkout checkout) => InStoreAsync(http, store =>
        {
            if (store.Orders.FirstOrDefault(o => o.Id == id) is not { } order)
                return WooErrors.InvalidId("shop_order");
            var answer = Payloads.Order(store, order);
            checkout.Delete(store, order, force == true);
            return Results.Json(force == true ? answer : Payloads.Order(store, order));
        }));
        api.MapGet("/orders/{id:long}/refunds", (HttpContext http, long id) => InStoreAsync(http, store =>
            store.Orders.FirstOrDefault(o => o.Id == id) is { } order
                ? WooPaging.Page(http, order.Refunds.OrderByDescending(r => r.Id).ToList(), r => Payloads.Refund(store, order, r))
                : WooErrors.InvalidId("shop_order")));
        api.MapGet("/orders/{id:long}/refunds/{refundId:long}", (HttpContext http, long id, long refundId) => InStoreAsync(http, store =>
            store.Orders.FirstOrDefault(o => o.Id == id) is { } order && order.Refunds.FirstOrDefault(r => r.Id == refundId) is { } refund
                ? Results.Json(Payloads.Refund(store, order, refund))
                : WooErrors.InvalidId("shop_order_refund")));
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

    /// <summary>PUT /orders/{id}: the status, and line quantities as an admin's edit (0 removes the line).</summary>
    private static IResult Update(WooStore store, long id, JsonObject body, Checkout checkout)
    {
        if (store.Orders.FirstOrDefault(o => o.Id == id) is not { } order)
            return WooErrors.InvalidId("shop_order");
        var status = body["status"];
        if (status is not null && (status.GetValueKind() != JsonValueKind.String || !OrderStatus.All.Contains(status.GetValue<string>())))
            return WooErrors.InvalidParam("status", $"status is not one of {string.Join(", ", OrderStatus.All)}.");
        var changes = (body["line_items"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(l => (LineItemId: l["id"]?.GetValue<long>() ?? 0, Quantity: l["quantity"]?.GetValue<int>() ?? -1)).ToList();
        if (changes.Where(c => c.Quantity < 0 || order.LineItems.All(x => x.Id != c.LineItemId)).Select(c => (long?)c.LineItemId).FirstOrDefault() is { } bad)
            return WooErrors.InvalidParam("line_items", $"line item {bad} is not in the order or has no quantity");
        if (changes.Count > 0)
            checkout.EditLines(store, order, changes);
        if (status is not null)
            checkout.SetStatus(store, order, status.GetValue<string>());
        return Results.Json(Payloads.Order(store, order));
    }
}
