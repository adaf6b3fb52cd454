using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ShopFloor.Core.Access;

namespace ShopFloor.Tests.Infrastructure;

/// <summary>A browser-like client signed in to the web app through its real sign-in form (cookie and antiforgery token).</summary>
public static partial class SignedIn
{
    public const string Email = "owner@example.com";
    public const string Password = "correct horse battery";

    public static async Task<HttpClient> BrowserAsync(ShopFloorApp app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ShopFloorUser>>();
            if (await users.FindByEmailAsync(Email) is null)
                Assert.True((await users.CreateAsync(new ShopFloorUser { UserName = Email, Email = Email, IsOwner = true }, Password)).Succeeded);
        }
        var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.Address };
        var form = await browser.GetStringAsync("/account/login");
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = Email;
        fields["Input.Password"] = Password;
        var signIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)signIn.StatusCode}");
        return browser;
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)" */?>""")]
    private static partial Regex HiddenInput();
}
