using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;

namespace ShopFloor.Shopify.Webhooks;

public sealed record ReceivedWebhook(string WebhookId, string ShopDomain, string Topic, string Body);

/// <summary>
/// R-SYNC-6: the one thing done before Shopify gets its 200 — the signed delivery is written to the inbox, once
/// however often it is repeated. Everything else happens in <see cref="WebhookWorker"/>.
/// </summary>
public sealed class WebhookIntake(ShopFloorDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(ReceivedWebhook webhook, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO shopify_webhook_inbox (webhook_id, shop_domain, topic, body, received_at, status, attempts, next_attempt_at)
            VALUES ({webhook.WebhookId}, {webhook.ShopDomain}, {webhook.Topic}, {webhook.Body}, {now}, 'Pending', 0, {now})
            ON CONFLICT (webhook_id) DO NOTHING
            """, ct);
    }

    /// <summary>base64(HMAC-SHA256(secret, raw body)), compared in constant time.</summary>
    public static bool IsSigned(string secret, byte[] body, string given)
    {
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
    }
}
