using ShopFloor.Core.Channels.Orders;
using ShopFloor.WooCommerce.Client;
using ShopFloor.WooCommerce.Connection;

namespace ShopFloor.WooCommerce.Orders;

/// <summary>
/// A WooCommerce order and store in the words of the shared <see cref="OrderImportRules"/>. WooCommerce takes an
/// order's stock once it is processing, on hold (awaiting a bank transfer or cheque: payment pending) or completed;
/// a pending or failed order has taken nothing. ShopFloor's stock is the store's from the moment it was connected
/// (the first push sends ShopFloor's figures), so an order completed before that is history.
/// </summary>
public static class WooImportRules
{
    public static string? WhyNot(WooOrder order, WooStore store) =>
        OrderImportRules.WhyNot(Facts(order), OrderImportPolicy.Of(store.Settings, store.ConnectedAt, store.ConnectedAt, "the store was connected"));

    public static StoreOrderFacts Facts(WooOrder order) => new(order.CreatedAt, Payment(order.Status), order.Status,
        Cancelled: order.Status == "cancelled", Fulfilled: order.Status == "completed");

    private static StorePayment Payment(string status) => status switch
    {
        "processing" or "completed" => StorePayment.Paid,
        "on-hold" => StorePayment.Pending,
        "refunded" => StorePayment.Refunded,
        _ => StorePayment.Unpaid,
    };
}
