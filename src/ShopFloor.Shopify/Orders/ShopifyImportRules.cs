using ShopFloor.Core.Channels.Orders;
using ShopFloor.Shopify.Connection;

namespace ShopFloor.Shopify.Orders;

/// <summary>A Shopify order and store in the words of the shared <see cref="OrderImportRules"/>.</summary>
public static class ShopifyImportRules
{
    private static readonly HashSet<string> Paid = ["PAID", "PARTIALLY_PAID", "PARTIALLY_REFUNDED"];
    private static readonly HashSet<string> PaymentPending = ["PENDING", "AUTHORIZED", "EXPIRED"];

    /// <summary>Null when the order imports; otherwise the reason it does not.</summary>
    /// <param name="initialStockAt">When the store's initial stock import read Shopify's levels, if it ever did.</param>
    public static string? WhyNot(ShopifyOrder order, ShopifyStore store, DateTime? initialStockAt) =>
        OrderImportRules.WhyNot(Facts(order), OrderImportPolicy.Of(store.Settings, store.FirstActivatedAt, initialStockAt, "the initial stock import"));

    /// <summary>Orders created from this moment import: 14 days before the first activation, whatever pauses came since.</summary>
    public static DateTime? ImportsSince(ShopifyStore store) => OrderImportRules.ImportsSince(store.FirstActivatedAt);

    public static StoreOrderFacts Facts(ShopifyOrder order) => new(
        order.CreatedAt, Payment(order.FinancialStatus), order.FinancialStatus, order.Cancelled,
        Fulfilled: order.FulfillmentStatus == "FULFILLED", Restocked: order.FulfillmentStatus == "RESTOCKED", Archived: order.Closed,
        OnHold: order.FulfillmentOrders.Any(f => f.Status == "ON_HOLD"));

    private static StorePayment Payment(string financialStatus) => financialStatus switch
    {
        "REFUNDED" => StorePayment.Refunded,
        "VOIDED" => StorePayment.Voided,
        _ when Paid.Contains(financialStatus) => StorePayment.Paid,
        _ when PaymentPending.Contains(financialStatus) => StorePayment.Pending,
        _ => StorePayment.Unpaid,
    };
}
