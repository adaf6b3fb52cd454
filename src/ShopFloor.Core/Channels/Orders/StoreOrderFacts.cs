using ShopFloor.Core.Channels.Settings;

namespace ShopFloor.Core.Channels.Orders;

/// <summary>Where a store order's money stands, in the import rules' words (each channel maps its own statuses).</summary>
public enum StorePayment
{
    Paid,

    /// <summary>Awaited but promised: authorized, pending, on hold for a bank transfer.</summary>
    Pending,

    /// <summary>Not paid and no stock taken for it (an abandoned checkout, a failed payment).</summary>
    Unpaid,
    Refunded,
    Voided,
}

/// <summary>What the order import rules need to know of a store's order, whichever channel it comes from.</summary>
/// <param name="Status">The store's own word for the order's state, as messages name it ("PENDING", "on-hold").</param>
/// <param name="Restocked">Its items were put back on the store's shelf (Shopify's RESTOCKED).</param>
/// <param name="Archived">Closed in the store without being fulfilled.</param>
/// <param name="OnHold">Its fulfillment is held in the store.</param>
public sealed record StoreOrderFacts(
    DateTime CreatedAt, StorePayment Payment, string Status, bool Cancelled = false, bool Fulfilled = false, bool Restocked = false,
    bool Archived = false, bool OnHold = false);

/// <summary>What a store's settings and history say about importing its orders.</summary>
/// <param name="ImportPending">Orders whose payment is pending import (Shopify's setting; WooCommerce's on-hold orders).</param>
/// <param name="SyncSince">When the store first synced: orders created long before it are history, not sales to follow.</param>
/// <param name="StockCountedAt">From when ShopFloor's stock for the store stands: an order fulfilled before it already left that count.</param>
/// <param name="StockCount">What happened then, as messages name it ("the initial stock import").</param>
public sealed record OrderImportPolicy(bool ImportPending, DateTime? SyncSince, DateTime? StockCountedAt, string StockCount)
{
    public static OrderImportPolicy Of(IStoreSyncSettings settings, DateTime? syncSince, DateTime? stockCountedAt, string stockCount) =>
        new(settings.ImportPendingOrders, syncSince, stockCountedAt, stockCount);
}
