namespace ShopFloor.ShopifyEmulator.Store;

/// <summary>Switches for trouble on demand, per store (set through the control API or the C# facade).</summary>
public sealed class Faults
{
    /// <summary>Share of Admin API calls answered 429 with Retry-After, 5xx, or not at all until the client gives up.</summary>
    public double TooManyRequestsShare { get; set; }
    public double ServerErrorShare { get; set; }
    public double TimeoutShare { get; set; }

    /// <summary>
    /// The next this many Admin API calls run (a mutation applies) but their answer is lost: the connection
    /// drops, as when a network fails on the way back. The case idempotency keys exist for.
    /// </summary>
    public int LoseAnswers { get; set; }

    public bool TakeLostAnswer()
    {
        if (LoseAnswers <= 0)
            return false;
        LoseAnswers--;
        return true;
    }

    /// <summary>Share of webhook attempts that fail to send (and are retried, as Shopify does).</summary>
    public double WebhookFailShare { get; set; }

    /// <summary>Deliver every webhook twice (same X-Shopify-Webhook-Id).</summary>
    public bool DuplicateWebhooks { get; set; }

    /// <summary>Hold webhooks back until released, then deliver them newest first.</summary>
    public bool HoldWebhooks { get; set; }

    /// <summary>Deliver webhooks this late.</summary>
    public TimeSpan WebhookDelay { get; set; }

    public bool Hits(double share) => share > 0 && Random.Shared.NextDouble() < share;
}
