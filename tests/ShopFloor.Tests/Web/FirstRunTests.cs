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
public sealed class FirstRunTests(Browser browser) : IClassFixture<Browser>
{
    [Fact] // #11: the first command gives a working, styled web app with the demo store, and API keys made in it work
    public async Task The_readme_command_opens_a_styled_app_with_the_demo_store_and_working_api_keys()
    {
        await using var app = await ReadmeProcess.StartAsync(TimeSpan.FromMinutes(5));
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

        await page.GotoAsync("/sell");
        await page.WaitForURLAsync("**/account/setup**");
        // #20: the owner's account takes the one-time code the console printed.
        var code = System.Text.RegularExpressions.Regex.Match(app.Output, @"with the setup code (\S+)").Groups[1].Value;
        Assert.NotEmpty(code);
        await page.FillAsync("#code", code);
        await page.FillAsync("#name", "Newcomer");
        await page.FillAsync("#email", "new@example.com");
        await page.FillAsync("#password", "a long first password");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/sell");

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
