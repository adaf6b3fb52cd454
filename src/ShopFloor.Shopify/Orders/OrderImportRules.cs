using ShopFloor.Shopify.Connection;

namespace ShopFloor.Shopify.Orders;

/// <summary>
/// R-SYNC-1: whether a Shopify order ShopFloor has not seen yet becomes a sales order, and if not, why. Every sale
/// counts: an order already fulfilled when ShopFloor first sees it (Shopify POS, fulfilled at checkout, shipped
/// while sync was paused) imports too and is delivered at once, so its stock leaves ShopFloor — unless it was
/// fulfilled before the initial stock import, whose figures already left it out. Orders created while the store
/// was paused or disconnected import once sync is active again.
/// </summary>
public static class OrderImportRules
{
    public static readonly TimeSpan FirstActivationBackfill = TimeSpan.FromDays(14);

    private static readonly HashSet<string> Paid = ["PAID", "PARTIALLY_PAID", "PARTIALLY_REFUNDED"];
    private static readonly HashSet<string> PaymentPending = ["PENDING", "AUTHORIZED", "EXPIRED"];

    /// <summary>Null when the order imports; otherwise the reason it does not.</summary>
    /// <param name="initialStockAt">When the store's initial stock import read Shopify's levels, if it ever did.</param>
    public static string? WhyNot(ShopifyOrder order, ShopifyStore store, DateTime? initialStockAt)
    {
        var fulfilled = order.FulfillmentStatus == "FULFILLED";
        if (order.Cancelled)
            return "it is cancelled";
        if (order.FulfillmentStatus == "RESTOCKED")
            return "its items were restocked in Shopify";
        if (order.Closed && !fulfilled)
            return "it is archived";
        if (order.FinancialStatus is "REFUNDED" or "VOIDED")
            return $"it is {order.FinancialStatus.ToLowerInvariant()}";
        if (!Paid.Contains(order.FinancialStatus) && !(store.Settings.ImportPendingOrders && PaymentPending.Contains(order.FinancialStatus)))
            return store.Settings.ImportPendingOrders ? $"its payment is {order.FinancialStatus.ToLowerInvariant()}" : "it is not paid yet";
        if (!fulfilled && order.FulfillmentOrders.Any(f => f.Status == "ON_HOLD"))
            return "its fulfillment is on hold";
        if (ImportsSince(store) is { } since && order.CreatedAt < since)
            return $"it was created before sync was first activated ({since:yyyy-MM-dd HH:mm} UTC)";
        if (fulfilled && initialStockAt is { } stockAt && order.CreatedAt < stockAt)
            return $"it was fulfilled before the initial stock import ({stockAt:yyyy-MM-dd HH:mm} UTC), which counted it already";
        return null;
    }

    /// <summary>Orders created from this moment import: 14 days before the first activation, whatever pauses came since.</summary>
    public static DateTime? ImportsSince(ShopifyStore store) => store.FirstActivatedAt - FirstActivationBackfill;
}
