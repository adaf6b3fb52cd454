using System.Text;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Channels.Inbox;
using ShopFloor.Shopify.Sync;
using ShopFloor.Shopify.Webhooks;

namespace ShopFloor.Shopify;

/// <summary>
/// POST /webhooks/shopify, every topic (R-SYNC-6): the signature is checked over the raw body in constant time
/// (401 and nothing stored when it fails), the delivery is written to the inbox once, and Shopify gets its 200.
/// Processing happens afterwards, in <see cref="InboxWorker"/>.
/// </summary>
public static class ShopifyWebhooksApi
{
    public static void MapShopifyWebhooks(this IEndpointRouteBuilder app) =>
        app.MapPost(WebhookSubscriptions.Path, async (HttpContext http, IOptions<ShopifyOptions> options, WebhookIntake intake, CancellationToken ct) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, ct);
            var body = buffer.ToArray();
            var headers = http.Request.Headers;
            var secret = options.Value.ApiSecret;
            if (string.IsNullOrEmpty(secret) || !WebhookIntake.IsSigned(secret, body, headers["X-Shopify-Hmac-Sha256"].ToString()))
                return Results.Problem(statusCode: 401, title: "The webhook's signature is not valid.");
            var (webhookId, shop, topic) = (headers["X-Shopify-Webhook-Id"].ToString(), headers["X-Shopify-Shop-Domain"].ToString(), headers["X-Shopify-Topic"].ToString());
            if (webhookId.Length == 0 || shop.Length == 0 || topic.Length == 0)
                return Results.Problem(statusCode: 400, title: "X-Shopify-Webhook-Id, X-Shopify-Shop-Domain and X-Shopify-Topic are required.");
            await intake.RecordAsync(new ReceivedWebhook(ShopifyChannel.Name, webhookId, shop.ToLowerInvariant(), topic, Encoding.UTF8.GetString(body)), ct);
            return Results.Ok();
        }).WithTags("Shopify").ExcludeFromDescription();
}
