namespace ShopFloor.Core.Channels.Orders;

/// <summary>
/// R-SYNC-1 for every channel: whether a store order ShopFloor has not seen yet becomes a sales order, and if not,
/// why. Every sale counts: an order already fulfilled when ShopFloor first sees it (a POS sale, fulfilled at checkout,
/// shipped while sync was paused) imports too and is delivered at once, so its stock leaves ShopFloor — unless it was
/// fulfilled before ShopFloor's stock for the store was counted, which already left it out. Orders created while a
/// store was paused or disconnected import once it syncs again; those created more than 14 days before its first
/// sync are history.
/// </summary>
public static class OrderImportRules
{
    public static readonly TimeSpan FirstSyncBackfill = TimeSpan.FromDays(14);

    /// <summary>Null when the order imports; otherwise the reason it does not.</summary>
    public static string? WhyNot(StoreOrderFacts order, OrderImportPolicy policy)
    {
        if (order.Cancelled)
            return "it is cancelled";
        if (order.Restocked)
            return "its items were restocked in the store";
        if (order.Archived && !order.Fulfilled)
            return "it is archived";
        if (order.Payment is StorePayment.Refunded or StorePayment.Voided)
            return $"it is {order.Payment.ToString().ToLowerInvariant()}";
        if (order.Payment == StorePayment.Unpaid)
            return $"it is not paid yet ({order.Status.ToLowerInvariant()})";
        if (order.Payment == StorePayment.Pending && !policy.ImportPending)
            return $"it awaits payment ({order.Status.ToLowerInvariant()}), and this store's orders awaiting payment are not imported";
        if (!order.Fulfilled && order.OnHold)
            return "its fulfillment is on hold";
        if (ImportsSince(policy.SyncSince) is { } since && order.CreatedAt < since)
            return $"it was created before the store's sync began ({since:yyyy-MM-dd HH:mm} UTC)";
        if (order.Fulfilled && policy.StockCountedAt is { } countedAt && order.CreatedAt < countedAt)
            return $"it was fulfilled before {policy.StockCount} ({countedAt:yyyy-MM-dd HH:mm} UTC), which counted it already";
        return null;
    }

    /// <summary>Orders created from this moment import: 14 days before the store first synced, whatever pauses came since.</summary>
    public static DateTime? ImportsSince(DateTime? syncSince) => syncSince - FirstSyncBackfill;
}
