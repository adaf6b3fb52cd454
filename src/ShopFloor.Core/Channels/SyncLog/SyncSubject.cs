namespace ShopFloor.Core.Channels.SyncLog;

/// <summary>What a sync-log line is about: the words the store page and the sync-log API show.</summary>
public static class SyncSubject
{
    public const string Order = "order";
    public const string Fulfillment = "fulfillment";
    public const string Stock = "stock";
    public const string Return = "return";
    public const string Product = "product";
    public const string Location = "location";
    public const string Webhook = "webhook";
    public const string Webhooks = "webhooks";
    public const string Reconcile = "reconcile";
    public const string Import = "import";

    /// <summary>The store's sync itself: paused, resumed, its settings changed.</summary>
    public const string Sync = "sync";
}
