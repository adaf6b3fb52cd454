using System.Net;
using System.Text.Json;
using ShopFloor.Tests.Infrastructure;
using ShopFloor.WooEmulator;
using ShopFloor.WooEmulator.Store;
using Shop = ShopFloor.Tests.Infrastructure.Shop;

namespace ShopFloor.Tests.WooCommerce;

/// <summary>#19: the import jobs every channel shares, run for a WooCommerce store — its catalogue into ShopFloor, and reconciliation.</summary>
public abstract class WooImportTests(ShopFloorApp app, WooEmulatorFixture fixture)
{
    private readonly Shop _shop = new(app.Api());
    private readonly WooStores _woo = new(app, fixture.Server);
    private WooEmulatorServer Woo => fixture.Server;
    private ApiClient Api => _shop.Api;

    private async Task<JsonElement> RunAsync(long storeId, string type)
    {
        var job = await Api.PostAsync($"/v1/woocommerce/stores/{storeId}/imports", new { type });
        var id = job.GetProperty("id").GetInt64();
        return await Eventually.ElementAsync(async () =>
            await Api.GetAsync($"/v1/woocommerce/stores/{storeId}/imports/{id}") is var read && read.GetProperty("status").GetString() is "SUCCEEDED" or "FAILED"
                ? read : null, $"the {type} job ends");
    }

    private static int Count(JsonElement job, string what) => job.GetProperty("counts").TryGetProperty(what, out var n) ? n.GetInt32() : 0;

    [Fact] // R-IMP-1, #19: products ShopFloor does not know come in with the store's stock; those it knows keep ShopFloor's; a second run creates nothing
    public async Task The_product_import_brings_the_stores_catalogue_and_its_stock()
    {
        var (candle, blue, red, known) = ("CANDLE-" + Shop.Unique(), "SHIRT-B-" + Shop.Unique(), "SHIRT-R-" + Shop.Unique(), "MUG-" + Shop.Unique());
        var store = Woo.AddStore("woo-" + Shop.Unique());
        await Woo.InStoreAsync(store, s =>
        {
            s.AddProduct("Soy candle", candle, 12.5m, 7, DateTime.UtcNow);
            var shirt = s.AddProduct("Linen shirt", "", 45m, null, DateTime.UtcNow);
            s.AddVariation(shirt, "Blue", blue, 45m, 3, DateTime.UtcNow);
            s.AddVariation(shirt, "Red", red, 45m, 5, DateTime.UtcNow);
            return s.AddProduct("Mug", known, 9m, 40, DateTime.UtcNow);
        });
        var location = await _shop.LocationAsync();
        var mug = await _shop.ProductAsync(known);
        await _shop.AdjustAsync(location, mug, 2);
        var storeId = await _woo.ConnectAsync(store, location);
        await _woo.WooShowsAsync(store, known, 2);

        var job = await RunAsync(storeId, "products");
        Assert.Equal("SUCCEEDED", job.GetProperty("status").GetString());
        Assert.Equal((2, 3, 3, 1, 4), (Count(job, "products_created"), Count(job, "variants_created"), Count(job, "stock_set"),
            Count(job, "already_in_shopfloor"), Count(job, "linked")));
        var shirt = (await Api.GetAsync($"/v1/variants?sku={blue}")).GetProperty("data")[0];
        Assert.Equal(45m, shirt.GetProperty("sales_price").GetDecimal());
        Assert.Equal(7m, (await _shop.StockAsync(await VariantAsync(candle), location)).InStock);
        Assert.Equal(5m, (await _shop.StockAsync(await VariantAsync(red), location)).InStock);
        Assert.Equal(2m, (await _shop.StockAsync(mug, location)).InStock);

        var again = await RunAsync(storeId, "products");
        Assert.Equal((0, 4), (Count(again, "products_created"), Count(again, "already_in_shopfloor")));
        Assert.Equal(7m, (await _shop.StockAsync(await VariantAsync(candle), location)).InStock);
        // Every SKU is linked and synced: the store shows ShopFloor's figures.
        await _woo.WooShowsAsync(store, candle, 7);
        await _woo.WooShowsAsync(store, blue, 3);
        await _woo.WooShowsAsync(store, red, 5);
        await _woo.WooShowsAsync(store, known, 2);
    }

    [Fact] // R-SYNC-4, #19: reconciliation finds the store's figures that drifted from ShopFloor's, either way, and sets them right
    public async Task Reconciliation_sets_drifted_levels_right()
    {
        var candle = "CANDLE-" + Shop.Unique();
        var store = Woo.AddStore("woo-" + Shop.Unique());
        var product = await Woo.InStoreAsync(store, s => s.AddProduct("Soy candle", candle, 12m, 0, DateTime.UtcNow));
        var location = await _shop.LocationAsync();
        await _shop.AdjustAsync(location, await _shop.ProductAsync(candle), 6);
        var storeId = await _woo.ConnectAsync(store, location);
        await _woo.WooShowsAsync(store, candle, 6);
        await Woo.InStoreAsync(store, s => { Woo.Checkout.SetStock(s, product, null, 1, null); return 0; }); // lowered by hand: left by the live sync

        var job = await RunAsync(storeId, "reconcile");
        Assert.Equal((1, 1, 1), (Count(job, "compared"), Count(job, "drifted"), Count(job, "repaired")));
        await _woo.WooShowsAsync(store, candle, 6);
        Assert.Contains(await _woo.SyncLogAsync(storeId), e => e.GetProperty("subject").GetString() == "reconcile"
                                                             && e.GetProperty("message").GetString()!.StartsWith("1 levels compared, 1 differed", StringComparison.Ordinal));
    }

    [Fact] // R-CUS-1, #19: the store's registered customers come in, matched by email the way an order's buyer is; a second run creates nobody
    public async Task The_customer_import_matches_by_email_and_creates_the_rest()
    {
        var (known, fresh) = ($"grace-{Shop.Unique()}@example.com", $"alan-{Shop.Unique()}@example.com");
        var existing = (await Api.PostAsync("/v1/customers", new { name = "Grace H.", email = known })).GetProperty("id").GetInt64();
        var store = Woo.AddStore("woo-" + Shop.Unique());
        await Woo.InStoreAsync(store, s =>
        {
            s.AddCustomer(known.ToUpperInvariant(), "Grace", "Hopper", DateTime.UtcNow);
            return s.AddCustomer(fresh, "Alan", "Turing", DateTime.UtcNow);
        });
        var storeId = await _woo.ConnectAsync(store, await _shop.LocationAsync());

        var job = await RunAsync(storeId, "customers");
        Assert.Equal((1, 1), (Count(job, "created"), Count(job, "matched")));
        Assert.Equal("Grace Hopper", (await Api.GetAsync($"/v1/customers/{existing}")).GetProperty("name").GetString());
        var alan = Assert.Single((await Api.GetAsync($"/v1/customers?email={fresh}")).GetProperty("data").EnumerateArray());
        Assert.Equal(("Alan", "Turing"), (alan.GetProperty("first_name").GetString(), alan.GetProperty("last_name").GetString()));

        var again = await RunAsync(storeId, "customers");
        Assert.Equal((0, 2), (Count(again, "created"), Count(again, "matched")));
    }

    [Fact] // bad input: a job WooCommerce stores do not run is a 422 naming the choices; an unknown store is a 404
    public async Task Unknown_jobs_and_stores_are_refused()
    {
        var store = Woo.AddStore("woo-" + Shop.Unique());
        var storeId = await _woo.ConnectAsync(store, await _shop.LocationAsync());
        var refused = await Api.SendAsync(HttpMethod.Post, $"/v1/woocommerce/stores/{storeId}/imports", new { type = "initial_stock" });
        Assert.Contains("products, customers, reconcile", (await ApiClient.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity)).ToString());
        var unknown = await Api.SendAsync(HttpMethod.Post, "/v1/woocommerce/stores/987654/imports", new { type = "products" });
        await ApiClient.ProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Empty((await Api.GetAsync($"/v1/woocommerce/stores/{storeId}/imports")).GetProperty("data").EnumerateArray());
    }

    private async Task<long> VariantAsync(string sku) => (await Api.GetAsync($"/v1/variants?sku={sku}")).GetProperty("data")[0].GetProperty("id").GetInt64();
}

public sealed class WooImportsOnSqlite(SqliteApp app, WooEmulatorFixture woo) : WooImportTests(app, woo), IClassFixture<SqliteApp>, IClassFixture<WooEmulatorFixture>;

public sealed class WooImportsOnPostgres(PostgresApp app, WooEmulatorFixture woo) : WooImportTests(app, woo), IClassFixture<PostgresApp>, IClassFixture<WooEmulatorFixture>;
