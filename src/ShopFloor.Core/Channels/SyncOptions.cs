namespace ShopFloor.Core.Channels;

/// <summary>Settings under "ShopFloor:Sync": how often the live sync's background work (every channel's) looks for work.</summary>
public sealed class SyncOptions
{
    public const string Section = "ShopFloor:Sync";

    /// <summary>ShopFloor's public address for webhooks; empty means the address this server listens on.</summary>
    public string? AppUrl { get; set; }

    /// <summary>How often idle workers look at the inbox and outbox.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// At most one stock push round per window: a change after a quiet spell is sent at once, and a burst of changes
    /// to one item reaches each store as one value per window it spans.
    /// </summary>
    public TimeSpan StockCoalesceWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Orders updated since the last one seen are fetched this often, in case a webhook never came.</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often every active store's stock is compared with its store and repaired.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A webhook that keeps failing is retried with growing delays, then parked for the merchant.</summary>
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Deliveries and processed outbox events are kept this long, for the sync log and support.</summary>
    public TimeSpan KeepProcessed { get; set; } = TimeSpan.FromDays(7);
}
