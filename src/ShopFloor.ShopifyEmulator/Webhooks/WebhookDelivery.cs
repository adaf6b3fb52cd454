namespace ShopFloor.ShopifyEmulator.Webhooks;

/// <summary>One delivery of one event to one subscription; retried attempts keep the same webhook id.</summary>
public sealed record WebhookDelivery(
    string WebhookId, string EventId, string Topic, string ShopDomain, string Url, byte[] Body, DateTime TriggeredAt)
{
    public int Attempts { get; set; }
}

/// <summary>What happened to one attempt, for tests and the control API.</summary>
public sealed record DeliveryAttempt(string WebhookId, string Topic, string Url, int Attempt, int? StatusCode, string? Error, DateTime At);
