namespace ShopFloor.Webhooks;

/// <summary>Settings under "ShopFloor:Webhooks": how events reach the subscribers' endpoints.</summary>
public sealed class WebhookDeliveryOptions
{
    public const string Section = "ShopFloor:Webhooks";

    /// <summary>Katana's schedule: three retries, 30 seconds, 2 minutes and 15 minutes after the attempt before.</summary>
    public static readonly IReadOnlyList<TimeSpan> KatanasRetries = [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(15)];

    /// <summary>ShopFloor's public address, which starts each event's href; empty means the address this server listens on.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>How often an idle worker looks for deliveries that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A subscriber answers within this or the attempt failed (Katana: 10 seconds).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The waits before each retry; empty or unset means <see cref="KatanasRetries"/>.</summary>
    public List<TimeSpan>? RetryDelays { get; set; }

    /// <summary>Delivery logs are kept this long, then deleted.</summary>
    public TimeSpan KeepLogs { get; set; } = TimeSpan.FromDays(30);

    public IReadOnlyList<TimeSpan> Retries => RetryDelays is { Count: > 0 } delays ? delays : KatanasRetries;
}
