using Microsoft.Playwright;
using ShopFloor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using Shop = ShopFloor.Tests.Infrastructure.Shop;

namespace ShopFloor.Tests.Web;

/// <summary>
/// The web app in a real browser (Debian's Chromium through Playwright), as a merchant meets it: first-run sign-in,
/// connecting the emulated store, mapping, importing, activating, and an order from the store packed and delivered.
/// </summary>
public sealed class MerchantJourneyTests(SqliteApp app, Browser browser) : IClassFixture<SqliteApp>, IClassFixture<Browser>
{
    [Fact] // R-CON-1..5, R-CFG-2, R-IMP-1, R-SYNC-1, R-SYNC-3, R-SHIP-1 through the UI
    public async Task A_merchant_connects_a_store_and_ships_its_first_order_from_the_browser()
    {
        var stores = new ShopifyStores(app, app.Api());
        var (shop, token) = stores.NewStore();
        var online = await stores.AddLocationAsync(shop, "Online");
        var sku = "VASE-" + Shop.Unique();
        await stores.AddProductAsync(shop, "Blue vase", (sku, true));
        var warehouse = "Warehouse " + Shop.Unique();
        await new Shop(app.Api()).LocationAsync(warehouse);

        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);

        // First run: signing in asks for the owner's account.
        await SignInAsync(page);

        // Connect the store with a custom app's token.
        await page.GotoAsync("/settings/integrations");
        await page.GetByLabel("Store domain").FillAsync(shop.Domain);
        await page.GetByLabel("Access token (custom app)").FillAsync(token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();
        await page.WaitForURLAsync("**/settings/integrations/shopify/*");
        await Expect(page.Locator("[data-state]")).ToHaveTextAsync("Disabled");
        await Expect(page.GetByText("map every Shopify location")).ToBeVisibleAsync();

        // Map the one Shopify location: Disabled → Sync inactive.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Inventory" }).ClickAsync();
        await page.GetByLabel($"ShopFloor location for {online.Name}").SelectOptionAsync(new SelectOptionValue { Label = warehouse });
        await Expect(page.Locator("[data-state]")).ToHaveTextAsync("Sync inactive");

        // The product import: a banner while it runs (the store holds its answers meanwhile), a confirmation when it ends.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Products" }).ClickAsync();
        await shop.Gate.WaitAsync();
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Import products" }).ClickAsync();
            await Expect(page.Locator("[data-banner=import]")).ToContainTextAsync("Product import running");
        }
        finally
        {
            shop.Gate.Release();
        }
        await Expect(page.Locator("[data-banner=finished]")).ToContainTextAsync("Product import finished");
        await Expect(page.Locator("[data-banner=import]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "store-configuration.png"), FullPage = true });

        // Activate, then an order placed in the store shows up in Sell.
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate sync" }).ClickAsync();
        await Expect(page.Locator("[data-state]")).ToHaveTextAsync("Sync active");

        // #15, R-CON-5: while sync is active an edit waits for Apply, the page says which, and it can be dropped.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Orders" }).ClickAsync();
        var pendingSwitch = page.GetByLabel("Import payment-pending orders");
        await pendingSwitch.CheckAsync();
        await Expect(page.Locator("[data-pending]")).ToContainTextAsync("Import payment-pending orders: off → on");
        await page.GetByRole(AriaRole.Button, new() { Name = "Discard changes" }).ClickAsync();
        await Expect(page.Locator("[data-pending]")).ToHaveCountAsync(0);
        await Expect(pendingSwitch).Not.ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply new settings" })).ToHaveCountAsync(0);
        var order = await app.Emulator.PlaceOrderAsync(shop, new ShopFloor.ShopifyEmulator.Store.OrderDraft(
            [new ShopFloor.ShopifyEmulator.Store.LineDraft(shop.Variants.Single(), null, null, 2, null, Properties: [("Engraving", "For Ada")])],
            Note: "Leave with the neighbour", Tags: ["gift"],
            ShippingAddress: new ShopFloor.ShopifyEmulator.Store.ShopAddress("Ada Lovelace", "12 St James's Square", null, "London", null, "SW1Y 4JH", "GB", null)));
        await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync("/sell");
            await page.GetByRole(AriaRole.Heading, new() { Name = "Sell" }).WaitForAsync();
            return await page.Locator($"[data-order='{order.Name}']").CountAsync() > 0;
        }, $"order {order.Name} appears in Sell");
        await Expect(page.GetByLabel("Availability Not available")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "sell.png"), FullPage = true });

        // #13: the order page shows what it takes to ship it — address, note, tags, the line's personalisation — and
        // lets the merchant stop it committing stock.
        await page.GetByRole(AriaRole.Link, new() { Name = order.Name }).ClickAsync();
        await Expect(page.Locator("[data-address=shipping]")).ToContainTextAsync("12 St James's Square");
        await Expect(page.Locator("[data-note]")).ToContainTextAsync("Leave with the neighbour");
        await Expect(page.Locator("[data-tag=gift]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-property=Engraving]")).ToHaveTextAsync("Engraving: For Ada");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "sales-order.png"), FullPage = true });
        var salesOrderId = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        await page.GetByLabel("Commits stock", new() { Exact = false }).UncheckAsync();
        await Eventually.TrueAsync(async () => !(await app.Api().GetAsync($"/v1/sales_orders/{salesOrderId}")).GetProperty("commits_stock").GetBoolean(),
            "the order no longer commits stock");
        await page.GetByLabel("Commits stock", new() { Exact = false }).CheckAsync();
        await Eventually.TrueAsync(async () => (await app.Api().GetAsync($"/v1/sales_orders/{salesOrderId}")).GetProperty("commits_stock").GetBoolean(),
            "the order commits stock again");
        await page.GotoAsync("/sell");
        await page.Locator($"[data-order='{order.Name}']").WaitForAsync();

        // Pack, then deliver: the store's order is fulfilled.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Mark {order.Name} packed" }).ClickAsync();
        // #15: nothing is on the shelf, so packing asks first.
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Pack anyway" }).ClickAsync();
        await Expect(page.Locator("[data-status=Packed]")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Mark {order.Name} delivered" }).ClickAsync();
        await Expect(page.Locator($"[data-order='{order.Name}']")).ToHaveCountAsync(0); // done: it leaves the open list
        await Eventually.TrueAsync(() => app.Emulator.InShopAsync(shop, _ => order.FulfillmentStatus == "fulfilled"), "the store's order is fulfilled");

        foreach (var (path, name) in new[] { ("/make", "make"), ("/buy", "buy"), ("/stock", "stock"), ("/items", "items"), ("/settings/integrations", "integrations") })
        {
            await page.GotoAsync(path);
            await page.Locator("h4").First.WaitForAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, $"{name}.png"), FullPage = true });
        }
    }

    [Fact] // #7: usable at phone width — the menu folds away and no page is wider than the screen
    public async Task The_main_pages_fit_a_phone_screen()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await SignInAsync(page);
        foreach (var (path, heading) in new[] { ("/sell", "Sell"), ("/sell/new", "New sales order"), ("/sell/returns", "Returns"), ("/settings/team", "Team"), ("/make", "Make"), ("/buy", "Buy"), ("/stock", "Stock"), ("/items", "Items"), ("/settings/locations", "Locations"), ("/settings/integrations", "Integrations") })
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Menu" })).ToBeVisibleAsync();
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 1, $"{path} is {overflow} px wider than a 390 px screen");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, $"phone-{heading.ToLowerInvariant()}.png"), FullPage = true });
        }
    }

    [Fact] // #7 Items: a recipe is edited from the Items page, through the same use case as the API
    public async Task A_recipe_is_built_on_the_items_page()
    {
        var shop = new Shop(app.Api());
        var (lamp, wood) = ("LAMP-" + Shop.Unique(), "WOOD-" + Shop.Unique());
        var lampId = await shop.ProductAsync(lamp);
        await shop.MaterialAsync(wood);
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await SignInAsync(page);

        await page.GotoAsync("/items");
        await page.GetByPlaceholder("SKU or name").FillAsync(lamp);
        await Expect(page.GetByText("1-1 of 1")).ToBeVisibleAsync(); // the filtered page has loaded
        await page.GetByRole(AriaRole.Cell, new() { Name = lamp, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Ingredient SKU" }).FillAsync(wood);
        await page.GetByRole(AriaRole.Spinbutton, new() { Name = "Quantity per unit" }).FillAsync("2");
        await page.Keyboard.PressAsync("Tab"); // the field commits its value when it loses focus
        await page.GetByRole(AriaRole.Button, new() { Name = "Add ingredient" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = wood, Exact = true })).ToBeVisibleAsync();

        var rows = (await app.Api().GetAsync($"/v1/bom_rows?product_variant_id={lampId}")).GetProperty("data");
        Assert.Equal(2m, Assert.Single(rows.EnumerateArray()).GetProperty("quantity").GetDecimal());
    }

    private static Task SignInAsync(IPage page) => MakerJourney.SignInAsync(page);
}
