using System.Text.Json.Nodes;
using ShopFloor.WooEmulator.Store;
using ShopFloor.WooEmulator.Webhooks;
using static ShopFloor.WooEmulator.Api.StoreAccess;

namespace ShopFloor.WooEmulator.Api;

/// <summary>/webhooks: create (the ping goes out), list, read, update (status, delivery_url, secret), delete.</summary>
public static class WebhooksApi
{
    private static readonly string[] Topics = ["order.created", "order.updated", "order.deleted", "order.restored",
        "product.created", "product.updated", "product.deleted", "product.restored", "customer.created", "customer.updated", "customer.deleted"];

    public static void MapWebhooks(this RouteGroupBuilder api)
    {
        api.MapPost("/webhooks", async (HttpContext http, JsonObject body, WebhookSender sender, TimeProvider clock) =>
        {
            WooWebhook? created = null;
            var answer = await InStoreAsync(http, store =>
            {
                var topic = body["topic"]?.GetValue<string>();
                var url = body["delivery_url"]?.GetValue<string>();
                if (topic is null || !Topics.Contains(topic))
                    return WooErrors.InvalidParam("topic", "Webhook topic is invalid.");
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                    return WooErrors.InvalidParam("delivery_url", "Webhook delivery URL must be a valid URL starting with http:// or https://.");
                created = new WooWebhook(store.NextId(), body["name"]?.GetValue<string>() ?? topic, topic, url!, body["secret"]?.GetValue<string>() ?? "",
                    clock.GetUtcNow().UtcDateTime);
                if (body["status"]?.GetValue<string>() is { } status)
                    created.Status = status;
                store.Webhooks.Add(created);
                return Results.Json(Payloads.Webhook(store, created), statusCode: 201);
            });
            if (created is { Status: "active" })
                await sender.PingAsync(created, http.RequestAborted);
            return answer;
        });
        api.MapGet("/webhooks", (HttpContext http, CancellationToken ct) => InStoreAsync(http, store =>
            WooPaging.Page(http, store.Webhooks.OrderBy(w => w.Id).ToList(), w => Payloads.Webhook(store, w))));
        api.MapGet("/webhooks/{id:long}", (HttpContext http, long id) => InStoreAsync(http, store =>
            store.Webhooks.FirstOrDefault(w => w.Id == id) is { } hook ? Results.Json(Payloads.Webhook(store, hook)) : WooErrors.InvalidId("webhook")));
        api.MapPut("/webhooks/{id:long}", (HttpContext http, long id, JsonObject body, TimeProvider clock) => InStoreAsync(http, store =>
        {
            if (store.Webhooks.FirstOrDefault(w => w.Id == id) is not { } hook)
                return WooErrors.InvalidId("webhook");
            if (body["status"]?.GetValue<string>() is { } status)
                (hook.Status, hook.ConsecutiveFailures) = (status, 0);
            if (body["delivery_url"]?.GetValue<string>() is { } url)
                hook.DeliveryUrl = url;
            if (body["secret"]?.GetValue<string>() is { } secret)
                hook.Secret = secret;
            hook.ModifiedAt = clock.GetUtcNow().UtcDateTime;
            return Results.Json(Payloads.Webhook(store, hook));
        }));
        api.MapDelete("/webhooks/{id:long}", (HttpContext http, long id) => InStoreAsync(http, store =>
        {
            if (store.Webhooks.FirstOrDefault(w => w.Id == id) is not { } hook)
                return WooErrors.InvalidId("webhook");
            store.Webhooks.Remove(hook);
            return Results.Json(Payloads.Webhook(store, hook));
        }));
    }
}
