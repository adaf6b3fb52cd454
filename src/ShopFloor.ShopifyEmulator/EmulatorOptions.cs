namespace ShopFloor.ShopifyEmulator;

/// <summary>Settings under "Emulator" (environment: Emulator__ShopDomain, Emulator__ApiKey, …).</summary>
public sealed class EmulatorOptions
{
    public const string Section = "Emulator";

    /// <summary>The store served from the start; more can be added through the control API.</summary>
    public string ShopDomain { get; set; } = "shopfloor-demo.myshopify.com";

    /// <summary>The app's credentials (client id and secret; the secret also signs webhooks). Generated when unset.</summary>
    public string? ApiKey { get; set; }
    public string? ApiSecret { get; set; }

    /// <summary>An access token already granted to the app for the default store. Generated when unset.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The leaky bucket per app and store: Shopify's standard plan is 2,000 points restoring 100 per second.</summary>
    public int BucketSize { get; set; } = 2_000;
    public int RestoreRate { get; set; } = 100;

    /// <summary>
    /// Webhook deliveries: Shopify waits 5 s for an answer and retries a failure 8 times over about 4 hours, with
    /// exponential backoff: 9 attempts, the gaps doubling from 1 minute (1 + 2 + … + 128 min ≈ 4.25 h).
    /// </summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(5);
    public int WebhookAttempts { get; set; } = 9;
    public TimeSpan WebhookFirstRetry { get; set; } = TimeSpan.FromMinutes(1);
}
