using System.Text;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Inbox;
using ShopFloor.Core.Data;
using ShopFloor.WooCommerce.Connection;
using ShopFloor.WooCommerce.Webhooks;

namespace ShopFloor.WooCommerce;

/// <summary>
/// POST /webhooks/woocommerce/{store}: WooCommerce's ping on a new webhook (a form body naming it) is answered 200;
/// a delivery's X-WC-Webhook-Signature (base64 HMAC-SHA256 of the raw body with the store's webhook secret) is checked
/// in constant time — 401 and nothing stored when it fails — and the delivery is written to the inbox once.
/// WooCommerce does not resend a delivery that failed, so the answer waits only for that write.
/// </summary>
public static class WooWebhooksApi
{
    public static void MapWooWebhooks(this IEndpointRouteBuilder app) =>
        app.MapPost(WooWebhookSubscriptions.PathPrefix + "{storeId:long}", ReceiveAsync).WithTags("WooCommerce").ExcludeFromDescription();

    private static async Task<IResult> ReceiveAsync(long storeId, HttpContext http, ShopFloorDbContext db, WooKeys keys, WebhookIntake intake, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        var body = buffer.ToArray();
        var headers = http.Request.Headers;
        if (http.Request.HasFormContentType && Encoding.UTF8.GetString(body).StartsWith("webhook_id=", StringComparison.Ordinal))
            return Results.Ok(); // the ping
        var store = await db.Set<WooStore>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, ct);
        if (store is null || !WebhookIntake.IsSigned(keys.WebhookSecretOf(store), body, headers["X-WC-Webhook-Signature"].ToString()))
            return Results.Problem(statusCode: 401, title: "The webhook's signature is not valid.");
        var (webhookId, deliveryId, topic) = (headers["X-WC-Webhook-ID"].ToString(), headers["X-WC-Webhook-Delivery-ID"].ToString(), headers["X-WC-Webhook-Topic"].ToString());
        if (deliveryId.Length == 0 || topic.Length == 0)
            return Results.Problem(statusCode: 400, title: "X-WC-Webhook-Delivery-ID and X-WC-Webhook-Topic are required.");
        await intake.RecordAsync(new ReceivedWebhook(WooChannel.Name, $"{storeId}-{webhookId}-{deliveryId}", WooInbox.StoreKey(storeId), topic,
            Encoding.UTF8.GetString(body)), ct);
        return Results.Ok();
    }
}
