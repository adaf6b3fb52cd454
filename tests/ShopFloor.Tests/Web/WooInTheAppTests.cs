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
        await shop.AdjustAsync(await shop.LocationAsync(location), variant, 12);

        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await MakerJourney.SignInAsync(page);

        await page.GotoAsync("/settings/integrations");
        await Expect(page.GetByText("WooCommerce", new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Store address").FillAsync(store.Url);
        await page.GetByLabel("Consumer key").FillAsync(store.ConsumerKey);
        await page.GetByLabel("Consumer secret").FillAsync(store.ConsumerSecret);
        await MakerJourney.PickAsync(page, "Sells from", location);
        await MakerJourney.ClickAsync(page, "Add store");
        await page.WaitForURLAsync("**/settings/integrations/woocommerce/*");
        await Expect(page.Locator("[data-state]")).ToHaveTextAsync("Sync active");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = sku })).ToContainTextAsync("12"); // linked by SKU, its stock sent
        await Eventually.TrueAsync(() => woo.Server.InStoreAsync(store, s => s.Products[0].StockQuantity == 12), "the store's stock becomes 12");

        var sale = await woo.Server.PlaceOrderAsync(store, new LineDraft(sku, 2));
        await Eventually.TrueAsync(async () =>
        {
            await page.ReloadAsync();
            await page.GetByRole(AriaRole.Tab, new() { Name = "Orders" }).ClickAsync();
            return await page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = $"#{sale.Id}" }).CountAsync() == 1;
        }, "the order shows on the store's page");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "woocommerce-store.png"), FullPage = true });

        await page.GotoAsync("/settings/integrations");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = "WooCommerce" }).Filter(new() { HasTextString = store.Url })).ToHaveCountAsync(1);
    }
}
