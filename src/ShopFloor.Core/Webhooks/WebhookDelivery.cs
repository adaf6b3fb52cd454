namespace ShopFloor.Core.Webhooks;

/// <summary>
/// One event for one webhook: written in the transaction of the change it reports (the outbox of webhooks), then
/// posted until the subscriber answers 2xx or the retries run out; afterwards it is the delivery's log entry.
/// </summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery() { }

    public WebhookDelivery(long webhookId, WebhookEvent e, DateTime now)
    {
        WebhookId = webhookId;
        Action = e.Action;
        ResourceType = e.ResourceType;
        ResourceId = e.ResourceId;
        Status = e.Status;
        Href = e.Href;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public long Id { get; private set; }
    public long WebhookId { get; private set; }
    public string Action { get; private set; } = "";
    public string ResourceType { get; private set; } = "";
    public string ResourceId { get; private set; } = "";
    public string? Status { get; private set; }

    /// <summary>The resource's address below the API's base, e.g. /v1/sales_orders/12; none for deletions.</summary>
    public string? Href { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime? NextAttemptAt { get; private set; }

    /// <summary>Posts made so far; the first retry carries X-Katana-Retry-Num: 1.</summary>
    public int Attempts { get; private set; }

    public int? StatusCode { get; private set; }
    public string? Error { get; private set; }
    public DateTime? DeliveredAt { get; private set; }

    public bool Delivered => DeliveredAt is not null;

    public void Succeeded(int statusCode, DateTime now)
    {
        Attempts++;
        StatusCode = statusCode;
        Error = null;
        DeliveredAt = now;
        NextAttemptAt = null;
    }

    /// <summary>Schedules the next retry, or none when <paramref name="retryAt"/> is null (the retries are used up).</summary>
    public void Failed(int? statusCode, string error, DateTime? retryAt)
    {
        Attempts++;
        StatusCode = statusCode;
        Error = error.Length > 400 ? error[..400] : error;
        NextAttemptAt = retryAt;
    }
}

/// <summary>What happened to which record, in the shape of Katana's event payload.</summary>
public sealed record WebhookEvent(string ResourceType, string Action, string ResourceId, string? Status, string? Href);
