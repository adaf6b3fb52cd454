namespace ShopFloor.ShopifyEmulator.Tests;

/// <summary>An emulator, an app endpoint receiving its webhooks, and an Admin API client, per test.</summary>
public abstract class EmulatorWithReceiver : IAsyncLifetime
{
    protected EmulatorServer Emulator { get; private set; } = null!;
    protected WebhookReceiver Receiver { get; private set; } = null!;
    protected AdminApi Api { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Emulator = await EmulatorServer.StartAsync();
        Receiver = await WebhookReceiver.StartAsync();
        Api = new AdminApi(Emulator.AdminClient());
    }

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    protected Task SubscribeAsync(string topic) => Api.DataAsync("""
        mutation($topic: WebhookSubscriptionTopic!, $uri: String!) { webhookSubscriptionCreate(topic: $topic, webhookSubscription: {uri: $uri}) { webhookSubscription { id } } }
        """, new { topic, uri = Receiver.Url });
}
