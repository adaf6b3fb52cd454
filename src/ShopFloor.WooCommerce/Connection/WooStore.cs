using ShopFloor.Core.Channels;

namespace ShopFloor.WooCommerce.Connection;

/// <summary>
/// A connected WooCommerce store. WooCommerce has no locations: the store sells from one ShopFloor location, and
/// its stock is that location's Available. The REST API keys and the webhooks' secret are kept encrypted.
/// </summary>
public sealed class WooStore
{
    private WooStore() { }

    public WooStore(string url, string name, long locationId, string encryptedKeys, string encryptedWebhookSecret, DateTime now)
    {
        Url = url;
        Name = name;
        LocationId = locationId;
        EncryptedKeys = encryptedKeys;
        EncryptedWebhookSecret = encryptedWebhookSecret;
        ConnectedAt = now;
        SyncActive = true;
    }

    public long Id { get; private set; }

    /// <summary>The site's address, without the REST path (https://shop.example.com).</summary>
    public string Url { get; private set; } = "";
    public string Name { get; private set; } = "";
    public long LocationId { get; private set; }
    public string EncryptedKeys { get; private set; } = "";
    public string EncryptedWebhookSecret { get; private set; } = "";
    public DateTime ConnectedAt { get; private set; }

    /// <summary>Connected: its keys work and its webhooks are subscribed. Disconnecting keeps the store's records.</summary>
    public bool SyncActive { get; private set; }

    /// <summary>Paused by the merchant: nothing is imported or sent until resumed; the catch-up then reads what changed meanwhile.</summary>
    public bool SyncPaused { get; private set; }

    /// <summary>Connected and not paused: what every part of the sync checks before acting.</summary>
    public bool Syncing => SyncActive && !SyncPaused;

    public StoreState State => StateOf(SyncActive, SyncPaused);

    public static StoreState StateOf(bool connected, bool paused) =>
        !connected ? StoreState.NotConnected : paused ? StoreState.SyncInactive : StoreState.SyncActive;

    public WooStoreSettings Settings { get; set; } = new();

    /// <summary>Orders modified before this were looked at by the catch-up (WooCommerce does not resend a failed webhook).</summary>
    public DateTime? OrdersCheckedUntil { get; set; }

    /// <summary>When an instance last took the store's catch-up (the claim that lets only one instance run it).</summary>
    public DateTime? CatchUpTakenAt { get; set; }

    public void Disconnect() => SyncActive = false;

    public void Pause() => SyncPaused = true;

    public void Resume() => SyncPaused = false;

    public void Reconnect(string encryptedKeys)
    {
        EncryptedKeys = encryptedKeys;
        SyncActive = true;
    }
}
