using ShopFloor.Core.Channels.Settings;

namespace ShopFloor.WooCommerce.Connection;

/// <summary>What a WooCommerce store syncs; the defaults are the whole two-way sync.</summary>
public sealed record WooStoreSettings : IStoreSyncSettings
{
    /// <summary>ShopFloor's Available is the store's stock_quantity (and stock raised by hand there is set back).</summary>
    public bool InventorySync { get; init; } = true;

    /// <summary>On-hold orders (awaiting a bank transfer or cheque) import: WooCommerce has taken their stock already.</summary>
    public bool ImportOnHoldOrders { get; init; } = true;

    /// <summary>The order's shipping lines become one shipping-fee row.</summary>
    public bool ShippingFeeRow { get; init; } = true;

    /// <summary>Completed in the store delivers the sales order (a shipping app such as ShipStation completes it).</summary>
    public bool DeliveriesFromStore { get; init; } = true;

    /// <summary>Delivered in ShopFloor marks the order completed in the store.</summary>
    public bool DeliveriesToStore { get; init; } = true;

    /// <summary>A refund of a delivered order becomes a return order.</summary>
    public bool CreateReturns { get; init; } = true;

    // WooCommerce's orders awaiting payment are the on-hold ones (pending ones have taken no stock and never import).
    bool IStoreSyncSettings.ImportPendingOrders => ImportOnHoldOrders;
}
