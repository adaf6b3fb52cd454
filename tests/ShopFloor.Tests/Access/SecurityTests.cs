using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopFloor.Core.Access;
using ShopFloor.Tests.Infrastructure;

namespace ShopFloor.Tests.Access;

/// <summary>#20: the first run cannot be claimed twice or by a stranger; sign-in abuse is slowed; keys at rest are sealed.</summary>
public abstract partial class SecurityTests(ShopFloorApp app)
{
    [Fact] // #20: six concurrent "create the owner" posts with the right code make exactly one owner; a wrong code makes none
    public async Task The_first_run_creates_exactly_one_owner_and_only_with_the_setup_code()
    {
        var stranger = await SetupFormAsync();
        var refused = await stranger.Post(ShopFloorApp.SetupCode + "-guess", "stranger@example.com");
        Assert.Equal(0, await UsersAsync());
        Assert.Contains("not the setup code", await refused.Content.ReadAsStringAsync());

        var forms = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SetupFormAsync()));
        var answers = await Task.WhenAll(forms.Select((form, i) => form.Post(ShopFloorApp.SetupCode, $"owner{i}@example.com")));
        // One creates the owner; the others are sent to sign in, or told the form is gone: none fails.
        Assert.All(answers, a => Assert.True((int)a.StatusCode < 500, $"a concurrent first run answered {(int)a.StatusCode}"));

        Assert.Equal(1, await UsersAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.IsOwner)));
    }

    [Fact] // #20: the Data Protection key ring in the database is encrypted with a certificate kept outside it
    public async Task The_key_ring_in_the_database_is_encrypted()
    {
        await app.Api().GetAsync("/v1/shopify/stores"); // the app is up; its key ring exists once anything is protected
        await using (var scope = app.Services.CreateAsyncScope())
            scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("test").Protect("secret"u8.ToArray());
        var keys = await app.WithDbAsync(db => db.Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>().Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<value>", xml); // an unprotected master key is stored as <masterKey><value>…</value>
        });
    }

    [Fact] // #20: sign-out is a form post with its antiforgery token like the others; every answer carries security headers
    public async Task Sign_out_needs_the_antiforgery_token_and_pages_carry_security_headers()
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        var logout = await http.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);

        var login = await http.GetAsync("/account/login");
        Assert.Equal("nosniff", login.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", login.Headers.GetValues("Referrer-Policy").Single());
        var policy = string.Join("; ", login.Headers.GetValues("Content-Security-Policy")); // Blazor adds its own frame-ancestors
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    private Task<int> UsersAsync() => app.WithDbAsync(db => db.Users.CountAsync());

    private async Task<SetupForm> SetupFormAsync()
    {
        var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = app.Address };
        var form = await browser.GetStringAsync("/account/setup");
        return new SetupForm(browser, HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value)));
    }

    private sealed record SetupForm(HttpClient Browser, Dictionary<string, string> Hidden)
    {
        public Task<HttpResponseMessage> Post(string code, string email) => Browser.PostAsync("/account/setup", new FormUrlEncodedContent(
            new Dictionary<string, string>(Hidden) { ["Input.SetupCode"] = code, ["Input.Email"] = email, ["Input.Name"] = "Owner", ["Input.Password"] = "a long enough password" }));
    }

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)" */?>""")]
    private static partial Regex HiddenInput();
}

public sealed class SecurityOnSqlite(SqliteApp app) : SecurityTests(app), IClassFixture<SqliteApp>;

public sealed class SecurityOnPostgres(PostgresApp app) : SecurityTests(app), IClassFixture<PostgresApp>;

/// <summary>ShopFloor with its production sign-in rate limit (the other fixtures lift it: tests sign in often).</summary>
public sealed class RateLimitedApp : ShopFloorApp
{
    public override string DatabaseKind => "sqlite";

    protected override void Tune(IWebHostBuilder builder) => builder.UseSetting("ShopFloor:SignInRateLimit:PermitsPerMinute", "10");
}

public sealed class SignInRateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact] // #20: 40 sign-in attempts over several accounts from one client in a moment: after 10 the client gets 429
    public async Task Password_spraying_from_one_client_is_answered_429()
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
            answers.Add((await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = $"user{i % 5}@example.com", ["Input.Password"] = "guess " + i,
            }))).StatusCode);
        Assert.True(answers.Take(10).All(s => s != HttpStatusCode.TooManyRequests), "the first ten are let through");
        Assert.Equal(30, answers.Count(s => s == HttpStatusCode.TooManyRequests));

        var oauth = await http.GetAsync("/shopify/install?shop=x.myshopify.com");
        Assert.Equal(HttpStatusCode.TooManyRequests, oauth.StatusCode); // the OAuth endpoints share the client's budget
    }
}
