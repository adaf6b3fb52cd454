using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using ShopFloor.ShopifyEmulator.OAuth;

namespace ShopFloor.ShopifyEmulator.Tests;

public sealed class OAuthTests : IAsyncLifetime
{
    private const string RedirectUri = "https://shopfloor.example/shopify/callback";
    private EmulatorServer _emulator = null!;
    private HttpClient _browser = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync();
        _browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _emulator.BaseAddress };
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact] // the published test vector for the query HMAC
    public void The_query_signature_matches_shopifys_published_example() =>
        Assert.Equal("700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf", OAuthHmac.Sign("hush", new Dictionary<string, string>
        {
            ["code"] = "0907a61c0c8d55e99db179b68161bc00",
            ["shop"] = "some-shop.myshopify.com",
            ["state"] = "0.6784241404160823",
            ["timestamp"] = "1337178173",
        }));

    private async Task<Dictionary<string, string>> AuthorizeAsync()
    {
        var response = await _browser.GetAsync($"/admin/oauth/authorize?client_id={_emulator.Shops.ApiKey}&scope=read_orders,write_inventory&redirect_uri={Uri.EscapeDataString(RedirectUri)}&state=nonce-1");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(RedirectUri, location);
        return QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    [Fact] // authorize → callback with code, hmac, host, shop, state, timestamp → token exchange → a working token
    public async Task The_install_flow_ends_with_a_token_that_opens_the_admin_api()
    {
        var callback = await AuthorizeAsync();
        Assert.Equal("nonce-1", callback["state"]);
        Assert.Equal(_emulator.DefaultShop.Domain, callback["shop"]);
        Assert.Equal(OAuthHmac.Sign(_emulator.Shops.ApiSecret, callback), callback["hmac"]);
        Assert.DoesNotContain("=", callback["host"]); // Shopify strips base64's padding (#12: the official library's validateHmac needs it so)
        Assert.Equal($"admin.shopify.com/store/{_emulator.DefaultShop.Domain.Split('.')[0]}",
            System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(callback["host"].PadRight((callback["host"].Length + 3) / 4 * 4, '='))));

        var exchange = await _browser.PostAsJsonAsync("/admin/oauth/access_token",
            new { client_id = _emulator.Shops.ApiKey, client_secret = _emulator.Shops.ApiSecret, code = callback["code"] });
        var token = JsonDocument.Parse(await exchange.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("read_orders,write_inventory", token.GetProperty("scope").GetString());

        var api = new AdminApi(_emulator.AdminClient(token.GetProperty("access_token").GetString()));
        Assert.Equal(_emulator.DefaultShop.Domain, (await api.DataAsync("{ shop { myshopifyDomain } }")).GetProperty("shop").GetProperty("myshopifyDomain").GetString());

        var reused = await _browser.PostAsJsonAsync("/admin/oauth/access_token",
            new { client_id = _emulator.Shops.ApiKey, client_secret = _emulator.Shops.ApiSecret, code = callback["code"] });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
    }

    [Fact]
    public async Task A_wrong_client_secret_gets_no_token()
    {
        var callback = await AuthorizeAsync();
        var exchange = await _browser.PostAsJsonAsync("/admin/oauth/access_token",
            new { client_id = _emulator.Shops.ApiKey, client_secret = "wrong", code = callback["code"] });
        Assert.Equal(HttpStatusCode.BadRequest, exchange.StatusCode);
    }

    [Fact] // consent refused by the switch
    public async Task Refused_consent_redirects_with_access_denied()
    {
        _emulator.DefaultShop.ConsentGranted = false;
        var response = await _browser.GetAsync($"/admin/oauth/authorize?client_id={_emulator.Shops.ApiKey}&scope=read_orders&redirect_uri={Uri.EscapeDataString(RedirectUri)}&state=s");
        Assert.Contains("error=access_denied", response.Headers.Location!.ToString());
    }

    [Fact] // after app/uninstalled the token is already revoked
    public async Task Uninstalling_revokes_the_token()
    {
        var client = _emulator.AdminClient();
        var control = new HttpClient { BaseAddress = _emulator.BaseAddress };
        await control.PostAsync($"/_emulator/shops/{_emulator.DefaultShop.Domain}/uninstall", null);
        var response = await client.PostAsJsonAsync("/admin/api/2026-10/graphql.json", new { query = "{ shop { name } }" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class ShopIdTests
{
    [Fact] // #12: Shopify ids are unique across shops; a second emulated store must not reuse the first one's
    public async Task Two_stores_never_share_an_id()
    {
        await using var emulator = await EmulatorServer.StartAsync();
        var second = emulator.Shops.Add("second-" + Guid.NewGuid().ToString("N")[..6] + ".myshopify.com");
        var now = DateTime.UtcNow;
        var first = await emulator.InShopAsync(emulator.DefaultShop, s => s.AddLocation("One", now).Id);
        var other = await emulator.InShopAsync(second, s => s.AddLocation("Two", now).Id);
        Assert.NotEqual(first, other);
    }
}
