namespace ShopFloor.WooEmulator.Webhooks;

/// <summary>A webhook as the REST API's /webhooks keeps it; <c>status</c> active, paused or disabled.</summary>
public sealed class WooWebhook(long id, string name, string topic, string deliveryUrl, string secret, DateTime now)
{
    public long Id { get; } = id;
    public string Name { get; set; } = name;
    public string Topic { get; } = topic;
    public string Resource => Topic.Split('.')[0];
    public string Event => Topic.Split('.')[^1];
    public string DeliveryUrl { get; set; } = deliveryUrl;
    public string Secret { get; set; } = secret;
    public string Status { get; set; } = "active";

    /// <summary>Five failed deliveries in a row disable the webhook (WooCommerce's rule).</summary>
    public int ConsecutiveFailures { get; set; }

    public DateTime CreatedAt { get; } = now;
    public DateTime ModifiedAt { get; set; } = now;
}

/// <summary>One delivery the emulator made: what a test reads to see what was sent and how it was answered.</summary>
public sealed record WebhookDeliveryLog(long WebhookId, string DeliveryId, string Topic, int? StatusCode, string? Error, DateTime At);
