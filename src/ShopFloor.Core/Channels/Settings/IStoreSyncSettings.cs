namespace ShopFloor.Core.Channels.Settings;

/// <summary>
/// R-CFG-1..3, the choices every channel's store offers about its sync; a channel's settings add their own. The shared
/// order import rules, the sync log's "settings changed" lines and each channel's stock and delivery push read them here.
/// </summary>
public interface IStoreSyncSettings
{
    /// <summary>ShopFloor's Available is the store's stock figure.</summary>
    bool InventorySync { get; }

    /// <summary>Orders whose payment is pending import (Shopify: pending or authorized; WooCommerce: on hold).</summary>
    bool ImportPendingOrders { get; }

    /// <summary>The order's shipping becomes a shipping-fee row.</summary>
    bool ShippingFeeRow { get; }

    /// <summary>Fulfilled (completed) in the store delivers the sales order.</summary>
    bool DeliveriesFromStore { get; }

    /// <summary>Delivered in ShopFloor fulfils (completes) the order in the store.</summary>
    bool DeliveriesToStore { get; }

    /// <summary>Returns and refunds of delivered orders become return orders.</summary>
    bool CreateReturns { get; }
}
