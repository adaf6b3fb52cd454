using System.Net.Http.Json;
using Microsoft.Playwright;
using ShopFloor.Tests.Infrastructure;
using ShopFloor.Tests.WooCommerce;
using ShopFloor.WooEmulator.Store;
using static Microsoft.Playwright.Assertions;
using Shop = ShopFloor.Tests.Infrastructure.Shop;

namespace ShopFloor.Tests.Web;

/// <summary>#19 in a real browser: the Integrations page offers WooCommerce beside Shopify, and the store gets its own page.</summary>
public sealed class WooInTheAppTests(SqliteApp app, Browser browser, WooEmulatorFixture woo)
    : IClassFixture<SqliteApp>, IClassFixture<Browser>, IClassFixture<WooEmulatorFixture>
{
    [Fact] // #19: a merchant pastes a store's REST API keys, sees its products linked by SKU, and its first order arrives on the store's page
    public async Task A_merchant_adds_a_WooCommerce_store_and_sees_its_products_and_orders()
    {
        var sku = "SOAP-" + Shop.Unique();
        var store = woo.Server.AddStore("woo-" + Shop.Unique());
        await woo.Server.InStoreAsync(store, s => s.AddProduct("Oat soap", sku, 6m, 0, DateTime.UtcNow));
        var shop = new Shop(app.Api());
        var location = "Studio " + Shop.Unique();
        var variant = await shop.ProductAsync(sku);
        var locationId = await shop.LocationAsync(location);
        await shop.AdjustAsync(locationId, variant, 12);

        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await MakerJourney.SignInAsync(page);

        await page.GotoAsync("/settings/integrations");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "WooCommerce", Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Store address").FillAsync(store.Url);
        await page.GetByLabel("Consumer key").FillAsync(store.ConsumerKey);
        await page.GetByLabel("Consumer secret").FillAsync(store.ConsumerSecret);
        await MakerJourney.PickAsync(page, "Sells from", location);
        await MakerJourney.ClickAsync(page, "Add store");
        await page.WaitForURLAsync("**/settings/integrations/woocommerce/*");
        await Expect(page.Locator("[data-state]")).ToHaveTextAsync("Sync active");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = sku }).Locator("td").Last).ToHaveTextAsync("12"); // linked by SKU, its stock sent
        await Eventually.TrueAsync(() => woo.Server.InStoreAsync(store, s => s.Products[0].StockQuantity == 12), "the store's stock becomes 12");

        var sale = await woo.Server.PlaceOrderAsync(store, new LineDraft(sku, 2));
        await Eventually.TrueAsync(async () =>
        {
            await page.ReloadAsync();
            await page.GetByRole(AriaRole.Tab, new() { Name = "Orders" }).ClickAsync();
            return await page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = $"#{sale.Id}" }).CountAsync() == 1;
        }, "the order shows on the store's page");

        // R-IMP-1: a product ShopFloor does not know yet comes in with the store's stock; the order is in the sync log.
        var newSku = "BALM-" + Shop.Unique();
        await woo.Server.InStoreAsync(store, s => s.AddProduct("Lip balm", newSku, 4m, 9, DateTime.UtcNow));
        await MakerJourney.ClickAsync(page, "Import products");
        await Expect(page.Locator("[data-job=finished]")).ToContainTextAsync("Product import finished", new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-job=finished]")).ToContainTextAsync("1 products created");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Sync log" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = $"#{sale.Id} imported as sales order" })).ToHaveCountAsync(1);
        var imported = (await app.Api().GetAsync($"/v1/variants?sku={newSku}")).GetProperty("data")[0].GetProperty("id").GetInt64();
        Assert.Equal(9m, (await shop.StockAsync(imported, locationId)).InStock);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "woocommerce-store.png"), FullPage = true });

        await page.GotoAsync("/settings/integrations");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = "WooCommerce" }).Filter(new() { HasTextString = store.Url })).ToHaveCountAsync(1);
    }

    [Fact] // #19: connecting through WooCommerce's auth endpoint — the owner approves ShopFloor in the store, no keys to copy; denying connects nothing
    public async Task A_merchant_approves_ShopFloor_in_the_store_instead_of_pasting_keys()
    {
        var sku = "WAX-" + Shop.Unique();
        var store = woo.Server.AddStore("woo-" + Shop.Unique());
        await woo.Server.InStoreAsync(store, s => s.AddProduct("Wax wrap", sku, 8m, 0, DateTime.UtcNow));
        var shop = new Shop(app.Api());
        var location = "Loft " + Shop.Unique();
        await shop.AdjustAsync(await shop.LocationAsync(location), await shop.ProductAsync(sku), 5);
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await MakerJourney.SignInAsync(page);

        await page.GotoAsync("/settings/integrations");
        await page.GetByLabel("Store address").FillAsync(store.Url);
        await MakerJourney.ClickAsync(page, "Add store");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ShopFloor would like to connect to your store" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Deny" }).ClickAsync();
        await page.WaitForURLAsync("**/settings/integrations?woocommerce=not-connected");
        await Expect(page.GetByText("The WooCommerce store was not connected")).ToBeVisibleAsync();

        await page.GetByLabel("Store address").FillAsync(store.Url);
        await MakerJourney.PickAsync(page, "Sells from", location);
        await MakerJourney.ClickAsync(page, "Add store");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await page.WaitForURLAsync("**/settings/integrations/woocommerce/*");
        await Expect(page.Locator("[data-state]")).ToHaveTextAsync("Sync active");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = sku }).Locator("td").Last).ToHaveTextAsync("5");
        await Expect(page.GetByText($"sells from {location}")).ToBeVisibleAsync();
        await Eventually.TrueAsync(() => woo.Server.InStoreAsync(store, s => s.Products[0].StockQuantity == 5), "the store's stock becomes 5");
    }

    [Fact] // #19, bad input: keys posted to the callback without a request ShopFloor made are refused, and connect nothing
    public async Task Keys_posted_without_ShopFloors_request_are_refused()
    {
        var store = woo.Server.AddStore("woo-" + Shop.Unique());
        using var http = new HttpClient { BaseAddress = app.Address };
        using var response = await http.PostAsJsonAsync("/woocommerce/auth/callback", new
        {
            key_id = 1, user_id = "123", consumer_key = store.ConsumerKey, consumer_secret = store.ConsumerSecret, key_permissions = "read_write",
        });
        var problem = await ApiClient.ProblemAsync(response, System.Net.HttpStatusCode.UnprocessableEntity);
        Assert.Contains("user_id", problem.ToString());
        Assert.DoesNotContain((await app.Api().GetAsync("/v1/woocommerce/stores")).GetProperty("data").EnumerateArray(), s => s.GetProperty("url").GetString() == store.Url);
    }
}
