namespace ShopFloor.Core.Channels;

/// <summary>R-CON-3: a store's one state, for every channel, derived from the facts.</summary>
public enum StoreState
{
    /// <summary>Never connected, or disconnected (its records kept).</summary>
    NotConnected,

    /// <summary>The store turned ShopFloor off (Shopify: the app uninstalled or its access refused).</summary>
    Disabled,

    /// <summary>Connected, and nothing synced: not activated yet, or paused by the merchant.</summary>
    SyncInactive,

    SyncActive,
}
