using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Orders;

namespace ShopFloor.Tests.Shopify;

/// <summary>#13, R-SYNC-1: which orders ShopFloor imports when it first sees them.</summary>
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
    public void Which_orders_import(string fulfillment, bool closed, int? initialStockHoursAfterOrder, bool imports)
    {
        var created = Activated.AddHours(1);
        var order = Order(created, fulfillment, closed);
        DateTime? initialStockAt = initialStockHoursAfterOrder is { } hours ? created.AddHours(hours) : null;
        Assert.Equal(imports, OrderImportRules.WhyNot(order, ActiveStore(), initialStockAt) is null);
    }

    [Fact] // an order placed while sync was paused imports after Activate: the window is the first activation's, not the last
    public void A_pause_does_not_move_the_import_window()
    {
        var store = ActiveStore();
        store.Pause(Activated.AddDays(1));
        store.Activate(everyLocationMapped: true, Activated.AddDays(3));
        Assert.Null(OrderImportRules.WhyNot(Order(Activated.AddDays(2), "UNFULFILLED", closed: false), store, null));
        Assert.NotNull(OrderImportRules.WhyNot(Order(Activated.AddDays(-15), "UNFULFILLED", closed: false), store, null));
    }

    private static ShopifyStore ActiveStore()
    {
        var store = new ShopifyStore("rules.myshopify.com", Activated.AddDays(-1));
        store.Authorize("sealed-token", null, Activated.AddDays(-1));
        store.Activate(everyLocationMapped: true, Activated);
        return store;
    }

    private static ShopifyOrder Order(DateTime created, string fulfillment, bool closed) => new(
        "gid://shopify/Order/1", "#1001", null, created, created, closed, Cancelled: false, "PAID", fulfillment, "EUR", false, null, null,
        [], [], [], []);
}
