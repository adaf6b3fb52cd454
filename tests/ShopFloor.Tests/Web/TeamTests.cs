using Microsoft.Playwright;
using ShopFloor.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ShopFloor.Tests.Web;

/// <summary>#15: the owner invites people; staff do the daily work and cannot reach the owner's settings.</summary>
public sealed class TeamTests(SqliteApp app, Browser browser) : IClassFixture<SqliteApp>, IClassFixture<Browser>
{
    [Fact]
    public async Task The_owner_invites_staff_who_sign_in_with_the_link_and_cannot_open_the_owners_settings()
    {
        await using var ownerContext = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString() });
        var owner = await ownerContext.NewPageAsync();
        owner.SetDefaultTimeout(20_000);
        await MakerJourney.SignInAsync(owner);

        await owner.GotoAsync("/settings/team");
        var email = $"linus.{Shop.Unique()}@example.com";
        await owner.GetByLabel("Email").FillAsync(email);
        await owner.GetByLabel("Name", new() { Exact = true }).FillAsync("Linus");
        await MakerJourney.ClickAsync(owner, "Invite");
        var link = await owner.Locator("[data-invitation-link]").TextContentAsync();
        Assert.StartsWith(app.Address.ToString().TrimEnd('/') + "/account/accept?", link);
        await Expect(owner.Locator($"[data-role='{email}']")).ToHaveTextAsync("Staff");
        await owner.ScreenshotAsync(new() { Path = Path.Combine(Browser.Screenshots, "team.png"), FullPage = true });

        // The invitee sets a password through the link and is signed in.
        await using var staffContext = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString() });
        var staff = await staffContext.NewPageAsync();
        staff.SetDefaultTimeout(20_000);
        await staff.GotoAsync(link!);
        await staff.FillAsync("#password", "staff password 1");
        await staff.ClickAsync("button[type=submit]");
        await staff.WaitForURLAsync("**/sell");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Sell" })).ToBeVisibleAsync();

        // Staff see the daily pages, not the owner's settings, and are told so at their addresses.
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Team" })).ToHaveCountAsync(0);
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "API keys" })).ToHaveCountAsync(0);
        foreach (var path in new[] { "/settings/team", "/settings/api-keys", "/settings/integrations" })
        {
            await staff.GotoAsync(path);
            await Expect(staff.Locator("[data-owner-only]")).ToBeVisibleAsync();
        }
        await staff.GotoAsync("/stock");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Stock", Exact = true })).ToBeVisibleAsync();

        // The link works once.
        await using var againContext = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString() });
        var again = await againContext.NewPageAsync();
        await again.GotoAsync(link!);
        await again.FillAsync("#password", "someone else's password");
        await again.ClickAsync("button[type=submit]");
        await Expect(again.GetByRole(AriaRole.Alert)).ToContainTextAsync("used or withdrawn");

        // The owner removes the account: it can no longer sign in.
        await owner.GotoAsync("/settings/team");
        await owner.GetByRole(AriaRole.Button, new() { Name = $"Remove {email}" }).ClickAsync();
        await owner.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Expect(owner.Locator($"[data-member='{email}']")).ToHaveCountAsync(0);
        await using var laterContext = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address.ToString() });
        var later = await laterContext.NewPageAsync();
        await later.GotoAsync("/account/login");
        await later.FillAsync("#email", email);
        await later.FillAsync("#password", "staff password 1");
        await later.ClickAsync("button[type=submit]");
        await Expect(later.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match");
    }
}
