using ShopFloor.Shopify.Connection;

namespace ShopFloor.Shopify.Orders;

/// <summary>R-SYNC-1: whether a Shopify order ShopFloor has not seen yet becomes a sales order, and if not, why.</summary>
public static class OrderImportRules
{
    public static readonly TimeSpan FirstActivationBackfill = TimeSpan.FromDays(14);

    private static readonly HashSet<string> Paid = ["PAID", "PARTIALLY_PAID", "PARTIALLY_REFUNDED"];
    private static readonly HashSet<string> PaymentPending = ["PENDING", "AUTHORIZED", "EXPIRED"];
    private static readonly HashSet<string> Shipped = ["FULFILLED", "RESTOCKED"];

    /// <summary>Null when the order imports; otherwise the reason it does not.</summary>
    public static string? WhyNot(ShopifyOrder order, ShopifyStore store)
    {
        if (order.Cancelled)
            return "it is cancelled";
        if (order.Closed)
            return "it is archived";
        if (order.FinancialStatus is "REFUNDED" or "VOIDED")
            return $"it is {order.FinancialStatus.ToLowerInvariant()}";
        if (!Paid.Contains(order.FinancialStatus) && !(store.Settings.ImportPendingOrders && PaymentPending.Contains(order.FinancialStatus)))
            return store.Settings.ImportPendingOrders ? $"its payment is {order.FinancialStatus.ToLowerInvariant()}" : "it is not paid yet";
        if (Shipped.Contains(order.FulfillmentStatus))
            return "it is already fulfilled";
        if (order.FulfillmentOrders.Any(f => f.Status == "ON_HOLD"))
            return "its fulfillment is on hold";
        if (ImportsSince(store) is { } since && order.CreatedAt < since)
            return $"it was created before sync was activated ({since:yyyy-MM-dd HH:mm} UTC)";
        return null;
    }

    /// <summary>Orders created from this moment import: the last activation, or 14 days before the first one.</summary>
    public static DateTime? ImportsSince(ShopifyStore store) =>
        store.ActivatedAt is not { } activated ? null
        : activated == store.FirstActivatedAt ? activated - FirstActivationBackfill
        : activated;
}
