using System.Text.Json;
using ShopFloor.ShopifyEmulator.Store;
using ShopFloor.Tests.Infrastructure;
using Shop = ShopFloor.Tests.Infrastructure.Shop;

namespace ShopFloor.Tests.Shopify;

/// <summary>
/// #13, R-SO-1, R-CFG-1, R-CFG-3: an order's money as the buyer paid it — discounts, Shopify's own tax lines,
/// shipping discounts — and what the merchant needs to ship it — addresses, note, tags, line-item properties.
/// </summary>
public abstract class OrderMoneyTests(ShopFloorApp app)
{
    private readonly SyncedStores _stores = new(app);
    private readonly Shop _shop = new(app.Api());
    private EmulatedShopAccess Emulator => _stores.Emulator;

    private static JsonElement ProductRow(JsonElement order, int index = 0) =>
        order.GetProperty("sales_order_rows").EnumerateArray().Where(r => r.TryGetProperty("variant_id", out _)).ElementAt(index);

    /// <summary>Katana sends prices as decimal strings.</summary>
    private static decimal Money(JsonElement value) => decimal.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static decimal Price(JsonElement row) => Money(row.GetProperty("price_per_unit"));

    [Fact]
    public async Task A_discounted_taxed_order_keeps_what_the_buyer_paid_and_what_it_takes_to_ship()
    {
        var (mug, bowl) = ("MUG-" + Shop.Unique(), "BOWL-" + Shop.Unique());
        var store = await _stores.ActiveAsync(null, mug, bowl);
        foreach (var sku in new[] { mug, bowl })
            await _shop.AdjustAsync(store.Warehouse, store.Variants[sku], 10);
        var shipTo = new ShopAddress("Ada Lovelace", "12 St James's Square", "Flat 2", "London", null, "SW1Y 4JH", "GB", "+44 20 7946 0000");
        var placed = await Emulator.PlaceAsync(store, new OrderDraft(
            [
                new LineDraft(store.Variant(mug), null, null, 2, 20m, TaxRate: 0.2m, Properties: [("Engraving", "Ada")]),
                new LineDraft(store.Variant(bowl), null, null, 1, 10m, TaxRate: 0.2m),
            ],
            Shipping: [("Standard", 5m)], ShippingTaxRate: 0.2m, Note: "Gift wrap, please", Tags: ["gift", "vip"],
            Discount: new DiscountDraft("TEN", Percentage: 10), ShippingAddress: shipTo, BillingAddress: shipTo with { Address2 = null }));

        var order = await _stores.AwaitSalesOrderAsync(store, placed);
        var mugRow = ProductRow(order);
        Assert.Equal(18m, Price(mugRow)); // 20 less 10 %
        Assert.Equal(20m, mugRow.GetProperty("tax_rate").GetDecimal()); // Shopify's own tax line, not the default rate
        Assert.Equal(("Engraving", "Ada"), (mugRow.GetProperty("attributes")[0].GetProperty("key").GetString(), mugRow.GetProperty("attributes")[0].GetProperty("value").GetString()));
        Assert.Equal(9m, Price(ProductRow(order, 1)));
        var shipping = order.GetProperty("shipping_fee");
        Assert.Equal((5m, 20m), (Money(shipping.GetProperty("amount")), shipping.GetProperty("tax_rate").GetDecimal()));
        Assert.Equal("Gift wrap, please", order.GetProperty("additional_info").GetString());
        Assert.Equal(["gift", "vip"], order.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var shippingAddress = order.GetProperty("addresses").EnumerateArray().Single(a => a.GetProperty("entity_type").GetString() == "shipping");
        Assert.Equal(("12 St James's Square", "Flat 2", "London", "SW1Y 4JH", "GB"), (shippingAddress.GetProperty("line_1").GetString(),
            shippingAddress.GetProperty("line_2").GetString(), shippingAddress.GetProperty("city").GetString(), shippingAddress.GetProperty("zip").GetString(),
            shippingAddress.GetProperty("country").GetString()));
        Assert.Contains(order.GetProperty("addresses").EnumerateArray(), a => a.GetProperty("entity_type").GetString() == "billing");
        await _stores.ShopifyMatchesAsync(store, mug, 8);
        await _stores.ShopifyMatchesAsync(store, bowl, 9);
        await ReconcileAsync(store);
        Assert.Equal((8L, 9L), ((await _stores.AvailableInShopifyAsync(store, mug))!.Value, (await _stores.AvailableInShopifyAsync(store, bowl))!.Value));
    }

    private async Task ReconcileAsync(SyncedStore store)
    {
        await _shop.Api.PostAsync($"/v1/shopify/stores/{store.StoreId}/reconcile", new { });
        await _stores.JobsDoneAsync(store.StoreId);
    }

    [Fact] // an amount off the order is allocated to its lines; free shipping zeroes the fee; tax-inclusive prices are net of each line's own rate
    public async Task Order_level_discounts_are_allocated_and_included_tax_comes_off_at_the_lines_rate()
    {
        var (vase, jug) = ("VASE-" + Shop.Unique(), "JUG-" + Shop.Unique());
        var store = await _stores.ActiveAsync(null, vase, jug);
        foreach (var sku in new[] { vase, jug })
            await _shop.AdjustAsync(store.Warehouse, store.Variants[sku], 10);
        var placed = await Emulator.PlaceAsync(store, new OrderDraft(
            [new LineDraft(store.Variant(vase), null, null, 1, 37.5m, TaxRate: 0.25m), new LineDraft(store.Variant(jug), null, null, 1, 12.5m, TaxRate: 0.25m)],
            Shipping: [("Express", 8m)], TaxesIncluded: true, Discount: new DiscountDraft("TENOFF", Amount: 10m)));
        var order = await _stores.AwaitSalesOrderAsync(store, placed);

        Assert.Equal(24m, Price(ProductRow(order))); // (37.50 − 7.50 of the 10 off) ÷ 1.25
        Assert.Equal(8m, Price(ProductRow(order, 1))); // (12.50 − 2.50) ÷ 1.25
        Assert.Equal(25m, ProductRow(order).GetProperty("tax_rate").GetDecimal());

        var free = await Emulator.PlaceAsync(store, new OrderDraft([new LineDraft(store.Variant(jug), null, null, 1, null)],
            Shipping: [("Express", 8m)], Discount: new DiscountDraft("SHIPFREE", FreeShipping: true)));
        Assert.Equal(0m, Money((await _stores.AwaitSalesOrderAsync(store, free)).GetProperty("shipping_fee").GetProperty("amount")));
        await _stores.ShopifyMatchesAsync(store, vase, 9);
        await _stores.ShopifyMatchesAsync(store, jug, 8);
    }

    [Fact] // R-CFG-1: a product first met in a tax-inclusive order is priced net of the Products tab's default rate
    public async Task A_product_created_from_a_tax_inclusive_order_is_priced_net_of_the_products_tab_rate()
    {
        var store = await _stores.ActiveAsync(new { products_default_tax_rate = 25 }, "KNOWN-" + Shop.Unique());
        var sku = "NEW-" + Shop.Unique();
        var placed = await Emulator.PlaceAsync(store, new OrderDraft([new LineDraft(null, "Hand-thrown cup", sku, 1, 15m)], TaxesIncluded: true));
        var order = await _stores.AwaitSalesOrderAsync(store, placed);

        var variant = (await _shop.Api.GetAsync($"/v1/variants?sku={sku}")).GetProperty("data")[0];
        Assert.Equal(12m, variant.GetProperty("sales_price").GetDecimal());
        Assert.Equal(variant.GetProperty("id").GetInt64(), ProductRow(order).GetProperty("variant_id").GetInt64());
    }
}

public sealed class OrderMoneyOnSqlite(SqliteApp app) : OrderMoneyTests(app), IClassFixture<SqliteApp>;

public sealed class OrderMoneyOnPostgres(PostgresApp app) : OrderMoneyTests(app), IClassFixture<PostgresApp>;
