using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using ShopFloor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ShopFloor.Tests.Web;

/// <summary>
/// The README's first command, run as a newcomer runs it (Production, a plain environment), opened in Chromium:
/// a test host in Development once served Blazor's and MudBlazor's files fine while `dotnet run` served them empty.
/// </summary>
public sealed partial class FirstRunTests(Browser browser, ReadmeApp readme) : IClassFixture<Browser>, IClassFixture<ReadmeApp>
{
    [Fact] // #11: the first command gives a working, styled web app with the demo store, and API keys made in it work
    public async Task The_readme_command_opens_a_styled_app_with_the_demo_store_and_working_api_keys()
    {
        var app = readme.Process;
        Assert.Contains("Hosting environment: Production", app.Output);
        Assert.DoesNotContain("fail:", app.Output);
        Assert.DoesNotContain("Start processing HTTP request", app.Output); // quiet: no lines per Shopify call

        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var fromOutside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.Address.ToString()) && !request.Url.StartsWith("data:"))
                fromOutside.Add(request.Url);
        };

        await readme.SignInAsync(page);

        // Interactive and styled: the MudBlazor app bar is fixed and coloured, the text is in the app's own Roboto.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sell" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-order]").First).ToBeVisibleAsync(); // the demo's orders arrived
        Assert.Equal("fixed", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.mud-appbar')).position"));
        Assert.NotEqual("rgba(0, 0, 0, 0)", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.mud-appbar')).backgroundColor"));
        Assert.True(await page.EvaluateAsync<bool>(
            "async () => { await document.fonts.ready; return [...document.fonts].some(f => f.family.includes('Roboto') && f.status === 'loaded'); }"),
            "Roboto is loaded from the app");
        var favicon = await page.EvaluateAsync<int>("async () => (await fetch(document.querySelector('link[rel=icon]').href)).status");
        Assert.Equal(200, favicon);
        Assert.Empty(fromOutside); // works offline: nothing is fetched from a CDN

        // #19: the demo has a WooCommerce store too, selling the same products from the same workshop: a sale there
        // lowers Available in the Shopify store.
        await page.GotoAsync("/demo-store");
        var inShopify = page.Locator("[data-available='CANDLE-BEE']");
        var inWoo = page.Locator("[data-woo-stock='CANDLE-BEE']");
        int Figure(string text) => int.Parse(text[(text.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var before = 0;
        await Eventually.TrueAsync(async () => (before = Figure(await inShopify.InnerTextAsync())) == Figure(await inWoo.InnerTextAsync()) && before < 30,
            "both demo stores show the same candles, their first orders counted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buy Beeswax candle in WooCommerce" }).ClickAsync();
        await Expect(inShopify).ToHaveTextAsync($"Available in Shopify: {before - 1}");
        await Expect(inWoo).ToHaveTextAsync($"Stock in WooCommerce: {before - 1}");

        // An API key created in the web app's settings opens the running demo's API.
        await page.GotoAsync("/settings/api-keys");
        await page.GetByLabel("Key name").FillAsync("my script");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var secret = (await page.Locator("[data-secret]").InnerTextAsync()).Trim();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "api-keys.png"), FullPage = true });
        using var http = new HttpClient { BaseAddress = app.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/inventory");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);

        // The banner's command, run beside the demo, makes a key the running demo accepts.
        Assert.Contains("api-key create --name me", app.Output);
        var commandKey = await app.RunCommandAsync("api-key", "create", "--name", "me");
        using var second = new HttpRequestMessage(HttpMethod.Get, "/v1/inventory");
        second.Headers.Authorization = new AuthenticationHeaderValue("Bearer", commandKey);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(second)).StatusCode);
    }
}

public sealed partial class FirstRunTests
{
    [Fact] // #11: a maker sets up a location, items and a recipe, buys and receives, makes, adjusts and transfers, all in the app
    public async Task A_maker_runs_the_workshop_in_the_app_started_as_the_readme_says()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = readme.Process.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await readme.SignInAsync(page);
        var tag = Infrastructure.Shop.Unique()[..6].ToUpperInvariant();
        var (workshop, storeRoom, oak, stool) = ($"Workshop {tag}", $"Store room {tag}", $"OAK-{tag}", $"STOOL-{tag}");

        // Locations: one that sells (Shopify can map to it), one that does not.
        await page.GotoAsync("/settings/locations");
        await page.GetByLabel("Location name").FillAsync(workshop);
        await MakerJourney.ClickAsync(page, "Add location");
        await MakerJourney.DoneAsync(page, $"Location {workshop} added");
        await page.GetByLabel("Location name").FillAsync(storeRoom);
        await page.GetByLabel("Sell from here").UncheckAsync();
        await MakerJourney.ClickAsync(page, "Add location");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = storeRoom })).ToContainTextAsync("No");

        // Items: a material and a product, and the product's recipe.
        await page.GotoAsync("/items");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Materials" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Oak plank");
        await page.GetByLabel("SKU", new() { Exact = true }).FillAsync(oak);
        await MakerJourney.FillNumberAsync(page, "Purchase price", 5);
        await MakerJourney.ClickAsync(page, "Add material");
        await MakerJourney.DoneAsync(page, "Oak plank added");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Products" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Stool");
        await page.GetByLabel("SKU", new() { Exact = true }).FillAsync(stool);
        await MakerJourney.FillNumberAsync(page, "Sales price", 40);
        await MakerJourney.ClickAsync(page, "Add product");
        await MakerJourney.DoneAsync(page, "Stool added");
        await page.GetByPlaceholder("SKU or name").FillAsync(stool);
        await Expect(page.GetByText("1-1 of 1")).ToBeVisibleAsync(); // the filtered page has loaded
        await page.GetByRole(AriaRole.Cell, new() { Name = stool, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Ingredient SKU" }).FillAsync(oak);
        await MakerJourney.FillNumberAsync(page, "Quantity per unit", 3);
        await page.Keyboard.PressAsync("Tab");
        await MakerJourney.ClickAsync(page, "Add ingredient");
        await MakerJourney.DoneAsync(page, "Ingredient added");
        await MakerJourney.FillNumberAsync(page, $"Quantity of {oak}", 4); // recipes are edited in place
        await page.Keyboard.PressAsync("Tab");
        await MakerJourney.DoneAsync(page, "Recipe updated");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = stool })).ToContainTextAsync($"{oak} × 4");

        // Buy: a supplier, a purchase order, part of it received.
        await page.GotoAsync("/buy/suppliers");
        await page.GetByLabel("Supplier name").FillAsync($"Timber {tag}");
        await MakerJourney.ClickAsync(page, "Add supplier");
        await MakerJourney.DoneAsync(page, $"Supplier Timber {tag} added");
        await page.GotoAsync("/buy");
        await MakerJourney.PickAsync(page, "Supplier", $"Timber {tag}");
        await MakerJourney.PickAsync(page, "Deliver to", workshop);
        await page.GetByLabel("SKU", new() { Exact = true }).FillAsync(oak);
        await MakerJourney.FillNumberAsync(page, "Quantity", 10);
        await MakerJourney.FillNumberAsync(page, "Price per unit", 5);
        await MakerJourney.ClickAsync(page, "Create purchase order");
        await MakerJourney.DoneAsync(page, "Purchase order created");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Receive {oak}" }).ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Spinbutton).FillAsync("6");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await MakerJourney.DoneAsync(page, "6 received");
        await Expect(page.Locator("[data-po]")).ToContainTextAsync("Partly received");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "buy.png"), FullPage = true });

        // Make two stools: 8 planks needed, 6 on the shelf — blocked, with what is missing.
        await page.GotoAsync("/make");
        await page.GetByLabel("Product SKU").FillAsync(stool);
        await MakerJourney.PickAsync(page, "Make at", workshop);
        await MakerJourney.FillNumberAsync(page, "Quantity to make", 2);
        await MakerJourney.ClickAsync(page, "Create manufacturing order");
        await MakerJourney.DoneAsync(page, $"Manufacturing order for 2 × {stool} created");
        var order = page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = stool }).First;
        await Expect(order).ToContainTextAsync("Blocked");
        await Expect(order).ToContainTextAsync($"Missing: {oak} × 2");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "make.png"), FullPage = true });

        // The rest of the planks arrive; the order is no longer blocked, and is made in two goes.
        await page.GotoAsync("/buy");
        await page.GetByRole(AriaRole.Cell, new() { Name = $"Timber {tag}" }).First.ClickAsync();
        await MakerJourney.ClickAsync(page, "Receive all");
        await Expect(page.Locator("[data-po]")).ToContainTextAsync("Received");
        await page.GotoAsync("/make");
        order = page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = stool }).First;
        await Expect(order).ToContainTextAsync("Not started");
        await order.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync(new() { Force = true });
        await Expect(order).ToContainTextAsync("In progress");
        await order.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Record production") }).ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Spinbutton).FillAsync("1");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await Expect(order).ToContainTextAsync("1");
        await order.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Complete") }).ClickAsync();
        await Expect(order).ToContainTextAsync("Done");

        // Stock: adjust and transfer with named locations; the history says what happened in words.
        await page.GotoAsync("/stock");
        await page.Locator(".mud-paper", new() { HasTextString = "Adjust stock" }).GetByLabel("SKU").FillAsync(stool);
        await MakerJourney.PickAsync(page, "Location", workshop);
        await MakerJourney.FillNumberAsync(page, "Change (+/−)", 3);
        await MakerJourney.ClickAsync(page, "Adjust");
        await MakerJourney.DoneAsync(page, "Stock adjusted");
        await page.Locator(".mud-paper", new() { HasTextString = "Transfer stock" }).GetByLabel("SKU").FillAsync(stool);
        await MakerJourney.PickAsync(page, "From", workshop);
        await MakerJourney.PickAsync(page, "To", storeRoom);
        await MakerJourney.FillNumberAsync(page, "Quantity", 2);
        await MakerJourney.ClickAsync(page, "Transfer");
        await MakerJourney.DoneAsync(page, "Stock transferred");
        await page.GetByPlaceholder("SKU or name").FillAsync(stool);
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = storeRoom })).ToHaveCountAsync(1); // the filtered page has loaded
        var atWorkshop = page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = workshop });
        await Expect(atWorkshop.Locator("td").Nth(3)).ToHaveTextAsync("3"); // made 2, +3, −2
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = storeRoom }).Locator("td").Nth(3)).ToHaveTextAsync("2");
        await atWorkshop.ClickAsync();
        var history = page.Locator("[aria-label='Movement history']");
        await Expect(history).ToContainTextAsync("Made in MO-");
        await Expect(history).ToContainTextAsync("sent");
        await Expect(history).ToContainTextAsync("Stock adjustment");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "stock.png"), FullPage = true });
    }
}

/// <summary>One README-started ShopFloor for the class (two would build the same project at once), with its owner.</summary>
public sealed partial class ReadmeApp : IAsyncLifetime
{
    public const string OwnerEmail = "new@example.com";
    private const string OwnerPassword = "a long first password";

    public ReadmeProcess Process { get; private set; } = null!;

    public async Task InitializeAsync() => Process = await ReadmeProcess.StartAsync(TimeSpan.FromMinutes(5));

    public async Task DisposeAsync() => await Process.DisposeAsync();

    /// <summary>Signs in as the owner; the first time, creates the owner with the setup code the console printed (#20).</summary>
    public async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/sell");
        await page.WaitForURLAsync(url => url.Contains("/account/"));
        if (page.Url.Contains("/account/setup"))
        {
            var code = SetupCode().Match(Process.Output).Groups[1].Value;
            Assert.NotEmpty(code);
            await page.FillAsync("#code", code);
            await page.FillAsync("#name", "Newcomer");
        }
        await page.FillAsync("#email", OwnerEmail);
        await page.FillAsync("#password", OwnerPassword);
        await page.ClickAsync("button[type=submit]");
        // The address is enough here; what the page shows is awaited by the caller (a loaded machine may take a while).
        await page.WaitForURLAsync("**/sell", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"with the setup code (\S+)")]
    private static partial System.Text.RegularExpressions.Regex SetupCode();
}
