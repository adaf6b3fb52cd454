using Microsoft.Playwright;
using ShopFloor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ShopFloor.Tests.Web;

/// <summary>The steps of a maker's day in the web app, as a person does them in Chromium (#11).</summary>
public static class MakerJourney
{
    /// <summary>Picks an option of a MudBlazor select by the select's label and the option's text.</summary>
    /// <summary>
    /// Picks an option and checks the select shows it: on a loaded machine a click on an option can land while the list
    /// is still opening and pick nothing (a transfer then left from the default location), so the pick is tried again.
    /// </summary>
    public static async Task PickAsync(IPage page, string label, string option)
    {
        var select = page.Locator(".mud-select", new() { HasText = label }).First;
        for (var attempt = 1; ; attempt++)
        {
            await select.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = option }).First.ClickAsync();
            await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
            // The chosen option's text shows in the input, or beside it when the input holds the option's value.
            var shown = $"{await select.InnerTextAsync()} {await select.Locator("input").First.InputValueAsync()}";
            if (shown.Contains(option, StringComparison.Ordinal))
                return;
            if (attempt == 3)
                throw new InvalidOperationException($"The {label} select shows '{shown}' after picking '{option}' three times.");
        }
    }

    public static Task FillNumberAsync(IPage page, string label, decimal value) =>
        page.GetByRole(AriaRole.Spinbutton, new() { Name = label, Exact = true }).Last.FillAsync(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static Task ClickAsync(IPage page, string button) => page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    /// <summary>Waits for the success message of an action, then closes it so it covers nothing.</summary>
    public static async Task DoneAsync(IPage page, string message)
    {
        var snackbar = page.Locator(".mud-snackbar", new() { HasTextString = message });
        await Expect(snackbar.First).ToBeVisibleAsync();
        await page.Locator(".mud-snackbar").Locator("button").First.ClickAsync(new() { Force = true });
        await Expect(snackbar).ToHaveCountAsync(0);
    }

    private const string OwnerEmail = "ada@example.com";
    private const string OwnerPassword = "correct horse battery";

    /// <summary>Signs in as the owner, creating the owner's account when this is the first run.</summary>
    public static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/sell");
        await page.WaitForURLAsync(url => url.Contains("/account/"));
        if (page.Url.Contains("/account/setup"))
        {
            await page.FillAsync("#code", ShopFloorApp.SetupCode);
            await page.FillAsync("#name", "Ada Owner");
        }
        await page.FillAsync("#email", OwnerEmail);
        await page.FillAsync("#password", OwnerPassword);
        await page.ClickAsync("button[type=submit]");
        // The address is enough here; what the page shows is awaited by the caller (a loaded machine may take a while).
        await page.WaitForURLAsync("**/sell", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sell" })).ToBeVisibleAsync();
    }
}
