using Microsoft.Playwright;
using ShopFloor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using Shop = ShopFloor.Tests.Infrastructure.Shop;

namespace ShopFloor.Tests.Web;

/// <summary>
/// #15: selling done entirely in the web app, in Chromium — a counter sale entered by hand, found on the Sell screen,
/// packed only when the stock is there, delivered, and part of it returned and put back on the shelf.
/// </summary>
public sealed class SellingInTheAppTests(SqliteApp app, Browser browser) : IClassFixture<SqliteApp>, IClassFixture<Browser>
{
    [Fact] // R-SO-1, R-SO-2, R-SO-3, R-RET-1, R-INV-1 through the UI
    public async Task A_manual_order_is_entered_shipped_and_partly_returned_in_the_app()
    {
        var shop = new Shop(app.Api());
        var workshop = "Workshop " + Shop.Unique();
        var location = await shop.LocationAsync(workshop);
        var sku = "BOWL-" + Shop.Unique();
        var bowl = await shop.ProductAsync(sku);
        var cupSku = "CUP-" + Shop.Unique();
        await shop.ProductAsync(cupSku);
        await shop.AdjustAsync(location, bowl, 1);
        var customer = "Grace " + Shop.Unique();
        await app.Api().PostAsync("/v1/customers", new { name = customer });

        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await MakerJourney.SignInAsync(page);

        // A manual order: customer, location, deadline, one row priced by hand.
        await page.GetByRole(AriaRole.Link, new() { Name = "New order" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New sales order" })).ToBeVisibleAsync();
        await MakerJourney.PickAsync(page, "Customer", customer);
        await MakerJourney.PickAsync(page, "Ship from", workshop);
        await page.GetByLabel("Delivery deadline").FillAsync("2026-12-24");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "SKU" }).FillAsync(sku);
        await MakerJourney.FillNumberAsync(page, "Quantity", 2);
        await MakerJourney.FillNumberAsync(page, "Price per unit", 24.5m);
        await page.Keyboard.PressAsync("Tab");
        await MakerJourney.ClickAsync(page, "Create order");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/sell/\\d+$"));
        var orderId = long.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        var orderNo = (await app.Api().GetAsync($"/v1/sales_orders/{orderId}")).GetProperty("order_no").GetString()!;
        await Expect(page.Locator("[data-deadline]")).ToContainTextAsync("2026-12-24");
        await Expect(page.Locator("[data-total=items]")).ToHaveTextAsync("49.00");

        // The customer adds a cup, takes two, then changes their mind: rows are edited on the order's page.
        await page.GetByLabel("SKU to add").FillAsync(cupSku);
        await MakerJourney.FillNumberAsync(page, "Price of the new row", 10);
        await page.Keyboard.PressAsync("Tab");
        await MakerJourney.ClickAsync(page, "Add row");
        await Expect(page.Locator("[data-total=items]")).ToHaveTextAsync("59.00");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^Change quantity of .*{cupSku}") }).ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Spinbutton).FillAsync("2");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(page.Locator("[data-total=items]")).ToHaveTextAsync("69.00");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^Remove .*{cupSku}") }).ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(page.Locator("[data-total=items]")).ToHaveTextAsync("49.00");
        await Expect(page.Locator($"[data-row*='{cupSku}']")).ToHaveCountAsync(0);
        await Expect(page.Locator($"[data-row*='{sku}']")).ToContainTextAsync("Not available"); // one bowl on the shelf, two sold

        // Packing short asks first; the merchant waits, and packs once the stock is there.
        await MakerJourney.ClickAsync(page, "Pack");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Wait" }).ClickAsync();
        await Expect(page.Locator($"[data-status={nameof(Core.Sales.SalesOrderStatus.NotShipped)}]")).ToBeVisibleAsync();
        await shop.AdjustAsync(location, bowl, 5);
        await page.ReloadAsync();
        await Expect(page.Locator($"[data-row*='{sku}']")).ToContainTextAsync("In stock");
        await MakerJourney.ClickAsync(page, "Pack");
        await Expect(page.Locator("[data-status=Packed]")).ToBeVisibleAsync();
        await MakerJourney.ClickAsync(page, "Deliver");
        await Expect(page.Locator("[data-status=Delivered]")).ToBeVisibleAsync();
        Assert.Equal(4m, (await shop.StockAsync(bowl, location)).InStock);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "sales-order-manual.png"), FullPage = true });

        // The Sell screen finds it by customer and by SKU among the done orders, without availability or Make.
        await page.GotoAsync("/sell");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Done" }).ClickAsync();
        await page.GetByLabel("Search orders").FillAsync(customer);
        await Expect(page.Locator($"[data-customer='{orderNo}']")).ToHaveTextAsync(customer);
        await Expect(page.Locator($"[data-total='{orderNo}']")).ToContainTextAsync("49.00");
        await Expect(page.GetByText("Sales items")).ToHaveCountAsync(0);
        await page.GetByLabel("Search orders").FillAsync(sku);
        await Expect(page.Locator($"[data-order='{orderNo}']")).ToBeVisibleAsync();
        await page.GetByLabel("Search orders").FillAsync("no such order " + Shop.Unique());
        await Expect(page.Locator($"[data-order='{orderNo}']")).ToHaveCountAsync(0);

        // One bowl comes back chipped but sound: returned to stock.
        await page.GotoAsync($"/sell/{orderId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Return items" }).ClickAsync();
        await page.WaitForURLAsync("**/sell/returns/new?order=*");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New return" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Spinbutton, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Returned") }).FillAsync("1");
        await page.GetByLabel("Reason").FillAsync("Chipped rim");
        await page.Keyboard.PressAsync("Tab");
        await MakerJourney.ClickAsync(page, "Create return");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/sell/returns/\\d+$"));
        await Expect(page.Locator("[data-return-status=NotReturned]")).ToBeVisibleAsync();
        Assert.Equal(4m, (await shop.StockAsync(bowl, location)).InStock); // not back until it is in
        await MakerJourney.ClickAsync(page, "Mark returned");
        await Expect(page.Locator("[data-return-status=Returned]")).ToBeVisibleAsync();
        Assert.Equal(5m, (await shop.StockAsync(bowl, location)).InStock);
        Assert.Equal(5m, await shop.MovementSumAsync(bowl, location));

        await page.GotoAsync("/sell/returns");
        await Expect(page.Locator("[data-return-status]").First).ToHaveTextAsync("Returned");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "returns.png"), FullPage = true });
    }

    [Fact] // R-SO-3: dragging an order to the top of the priority list serves it first
    public async Task Dragging_an_order_to_the_top_gives_it_the_stock()
    {
        var shop = new Shop(app.Api());
        var location = await shop.LocationAsync();
        var vase = await shop.ProductAsync();
        await shop.AdjustAsync(location, vase, 1);
        var orders = new Orders(app.Api());
        var (first, second, third) = (await orders.SalesOrderAsync(location, (vase, 1)), await orders.SalesOrderAsync(location, (vase, 1)),
            await orders.SalesOrderAsync(location, (vase, 1)));
        Assert.Equal("IN_STOCK", await orders.AvailabilityAsync(Orders.Id(first)));
        Assert.Equal("NOT_AVAILABLE", await orders.AvailabilityAsync(Orders.Id(third)));

        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await MakerJourney.SignInAsync(page);
        await MakerJourney.ClickAsync(page, "Reorder");
        var (top, last) = (No(first), No(third));
        await page.Locator($"[data-priority-item='{last}']").WaitForAsync();
        await DragOntoAsync(page, last, top);
        await Eventually.TrueAsync(async () => await orders.AvailabilityAsync(Orders.Id(third)) == "IN_STOCK", "the dragged order to get the vase",
            explain: async () => "page: " + string.Join(" | ", await page.Locator(".mud-snackbar, [data-priority-item]").AllTextContentsAsync()));
        Assert.Equal("NOT_AVAILABLE", await orders.AvailabilityAsync(Orders.Id(first)));
        var ranks = new List<long>();
        foreach (var order in new[] { third, first, second })
            ranks.Add(Rank(await orders.SalesOrderGetAsync(Orders.Id(order))));
        Assert.True(ranks[0] < ranks[1] && ranks[1] < ranks[2], $"ranks {string.Join(", ", ranks)}: the dragged order first, the others as they were");
        await Expect(page.Locator("[data-priority-item]").First).ToHaveAttributeAsync("data-priority-item", last);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "sell-reorder.png"), FullPage = true });
    }

    /// <summary>
    /// A person's drag as the browser reports it (dragstart, dragover, drop, dragend), each event given time to reach
    /// the server; Playwright's own mouse drag stalls in headless Chromium on these elements.
    /// </summary>
    private static async Task DragOntoAsync(IPage page, string dragged, string target)
    {
        const string script = """
            ([type, selector]) => {
                window.__shopfloorDrag ??= new DataTransfer();
                document.querySelector(selector).dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: window.__shopfloorDrag }));
            }
            """;
        foreach (var (type, on) in new[] { ("dragstart", dragged), ("dragover", target), ("drop", target), ("dragend", dragged) })
        {
            await page.EvaluateAsync(script, new object[] { type, $"[data-priority-item='{on}']" });
            await page.WaitForTimeoutAsync(200);
        }
    }

    private static string No(System.Text.Json.JsonElement order) => order.GetProperty("order_no").GetString()!;

    private static long Rank(System.Text.Json.JsonElement order) => order.GetProperty("priority_rank").GetInt64();
}
