namespace ShopFloor.Core.Channels.Inbox;

public enum DeliveryStatus
{
    Pending,
    Done,
    Skipped,
    Failed,
}

/// <summary>
/// One webhook delivery as a store sent it (R-SYNC-6), recorded before the answer and processed afterwards.
/// Unique on the channel's delivery id, so a repeated delivery is stored once.
/// </summary>
public sealed class InboxDelivery
{
    private InboxDelivery() { }

    public long Id { get; private set; }
    /// <summary>The sales channel that sent it ("shopify", "woocommerce"): its adapter processes it.</summary>
    public string Channel { get; private set; } = "";
    public string WebhookId { get; private set; } = "";
    /// <summary>Which store of the channel sent it, as the channel names its stores (a shop domain, a store id).</summary>
    public string StoreKey { get; private set; } = "";
    public string Topic { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTime ReceivedAt { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? ProcessedAt { get; private set; }
    public string? Outcome { get; private set; }

    public void Claim(DateTime leaseUntil)
    {
        Attempts++;
        NextAttemptAt = leaseUntil;
    }

    /// <summary>Claimed but not processed (the instance is stopping): due again now, and the attempt not counted.</summary>
    public void Release(DateTime now)
    {
        Attempts = Math.Max(0, Attempts - 1);
        NextAttemptAt = now;
    }

    public void Finish(DeliveryStatus status, string? outcome, DateTime now)
    {
        Status = status;
        Outcome = outcome;
        ProcessedAt = now;
    }

    /// <summary>Failed this time: try again later with a growing delay, or park it once attempts run out.</summary>
    public void Retry(string error, int maxAttempts, TimeSpan firstRetry, DateTime now)
    {
        Outcome = error;
        if (Attempts >= maxAttempts)
        {
            Status = DeliveryStatus.Failed;
            ProcessedAt = now;
        }
        else
            NextAttemptAt = now + firstRetry * Math.Pow(2, Attempts - 1);
    }
}
