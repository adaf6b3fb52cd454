namespace ShopFloor.Shopify.Connection;

/// <summary>R-CON-3: exactly one per store connection, derived from the facts.</summary>
public enum StoreState
{
    NotConnected,
    Disabled,
    SyncInactive,
    SyncActive,
}
