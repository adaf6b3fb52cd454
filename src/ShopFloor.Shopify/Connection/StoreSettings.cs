using ShopFloor.Core.Channels.Settings;

namespace ShopFloor.Shopify.Connection;

public enum FulfillmentSyncDirection
{
    Both,
    ShopifyToShopFloor,
    ShopFloorToShopify,
    None,
}

/// <summary>R-CFG-1..3: the Products, Inventory and Orders tabs. Defaults are the spec's.</summary>
public sealed record StoreSettings : IStoreSyncSettings
{
    // Products
    public bool ImportNonPhysicalAsServices { get; init; } = true;
    public decimal? ProductsDefaultTaxRate { get; init; }
    public bool ImportCostPerItem { get; init; }

    // Inventory
    public bool InventorySync { get; init; } = true;

    /// <summary>
    /// R-INV-2: whether sales orders made in ShopFloor (not from a store) lower Shopify's Available while open; on,
    /// as Katana's default. Off, only store orders commit for sync; a ShopFloor order's goods leave Shopify's figure
    /// once they are packed or delivered (the in-stock change).
    /// </summary>
    public bool ShopfloorOrdersCommit { get; init; } = true;

    // Orders
    public bool ImportPendingOrders { get; init; }
    public bool ShippingFeeRow { get; init; } = true;
    public bool CustomItemsAsProducts { get; init; }
    public decimal? OrdersDefaultTaxRate { get; init; }
    public bool UpdateOrdersOnEdits { get; init; } = true;
    public bool FollowFulfillmentLocation { get; init; } = true;
    public bool CreateReturns { get; init; } = true;
    public FulfillmentSyncDirection FulfillmentSync { get; init; } = FulfillmentSyncDirection.Both;

    // Explicit, so the stored settings and the API keep the one FulfillmentSync field.
    bool IStoreSyncSettings.DeliveriesFromStore => FulfillmentSync is FulfillmentSyncDirection.Both or FulfillmentSyncDirection.ShopifyToShopFloor;

    bool IStoreSyncSettings.DeliveriesToStore => FulfillmentSync is FulfillmentSyncDirection.Both or FulfillmentSyncDirection.ShopFloorToShopify;
}
