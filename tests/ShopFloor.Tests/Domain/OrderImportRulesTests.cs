using ShopFloor.Core.Channels.Orders;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Orders;
using ShopFloor.WooCommerce.Client;
using ShopFloor.WooCommerce.Connection;
using ShopFloor.WooCommerce.Orders;

namespace ShopFloor.Tests.Domain;

/// <summary>#13, #19, R-SYNC-1: which orders ShopFloor imports when it first sees them — one set of rules for every channel.</summary>
public sealed class OrderImportRulesTests
{
    private static readonly DateTime Activated = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("FULFILLED", false, null, true)]                  // fulfilled at checkout or by POS: imported (and delivered)
    [InlineData("FULFILLED", true, null, true)]                   // POS orders are archived at once: still a sale
    [InlineData("UNFULFILLED", true, null, false)]                // archived without shipping: not a sale to follow
    [InlineData("RESTOCKED", false, null, false)]                 // its goods went back to Shopify's shelf
    [InlineData("FULFILLED", false, 2, false)]                    // fulfilled before the initial stock import: already counted
    [InlineData("UNFULFILLED", false, 2, true)]                   // open orders always import; the initial stock added them back
    public void Which_Shopify_orders_import(string fulfillment, bool closed, int? initialStockHoursAfterOrder, bool imports)
    {
        var created = Activated.AddHours(1);
        var order = ShopifyOrderOf(created, fulfillment, closed);
        DateTime? initialStockAt = initialStockHoursAfterOrder is { } hours ? created.AddHours(hours) : null;
        Assert.Equal(imports, ShopifyImportRules.WhyNot(order, ActiveShopifyStore(), initialStockAt) is null);
    }

    [Fact] // an order placed while sync was paused imports after Activate: the window is the first activation's, not the last
    public void A_pause_does_not_move_the_import_window()
    {
        var store = ActiveShopifyStore();
        store.Pause(Activated.AddDays(1));
        store.Activate(everyLocationMapped: true, Activated.AddDays(3));
        Assert.Null(ShopifyImportRules.WhyNot(ShopifyOrderOf(Activated.AddDays(2), "UNFULFILLED", closed: false), store, null));
        Assert.NotNull(ShopifyImportRules.WhyNot(ShopifyOrderOf(Activated.AddDays(-15), "UNFULFILLED", closed: false), store, null));
    }

    [Theory] // #19: WooCommerce's statuses under the same rules — imported once the store has taken the order's stock
    [InlineData("processing", 1, true, true)]
    [InlineData("completed", 1, true, true)]      // completed (shipped) after connecting: imported and delivered
    [InlineData("on-hold", 1, true, true)]        // awaiting a bank transfer: stock taken, payment pending
    [InlineData("on-hold", 1, false, false)]      // … unless the store's on-hold orders are not to import
    [InlineData("pending", 1, true, false)]       // not paid, no stock taken
    [InlineData("failed", 1, true, false)]
    [InlineData("cancelled", 1, true, false)]
    [InlineData("refunded", 1, true, false)]
    [InlineData("completed", -24, true, false)]   // completed before the store was connected: ShopFloor's count left it out
    [InlineData("processing", -24, true, true)]   // still to ship: a sale to follow
    [InlineData("processing", -15 * 24, true, false)] // long before connecting: history
    public void Which_WooCommerce_orders_import(string status, int hoursAfterConnecting, bool importOnHold, bool imports)
    {
        var store = new WooStore("https://shop.example", "shop.example", 1, "keys", "secret", Activated) { Settings = new() { ImportOnHoldOrders = importOnHold } };
        var created = Activated.AddHours(hoursAfterConnecting).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var order = new WooOrder(1, "1001", status, "EUR", created, new WooAddress(null, null, null, null, null, null, null, null, null, null, null), null, [], [], null, DateCreatedGmt: created);
        Assert.Equal(imports, WooImportRules.WhyNot(order, store) is null);
    }

    [Fact] // the reason names the store's own word for the order's state
    public void A_refusal_says_why_in_the_stores_words() =>
        Assert.Equal("it is not paid yet (pending)",
            OrderImportRules.WhyNot(new StoreOrderFacts(Activated, StorePayment.Unpaid, "pending"), new OrderImportPolicy(true, null, null, "")));

    private static ShopifyStore ActiveShopifyStore()
    {
        var store = new ShopifyStore("rules.myshopify.com", Activated.AddDays(-1));
        store.Authorize("sealed-token", null, Activated.AddDays(-1));
        store.Activate(everyLocationMapped: true, Activated);
        return store;
    }

    private static ShopifyOrder ShopifyOrderOf(DateTime created, string fulfillment, bool closed) => new(
        "gid://shopify/Order/1", "#1001", null, created, created, closed, Cancelled: false, "PAID", fulfillment, "EUR", false, null, null,
        [], [], [], []);
}
