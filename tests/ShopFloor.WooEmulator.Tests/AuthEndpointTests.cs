using System.Net;
using System.Text.Json;

namespace ShopFloor.WooEmulator.Tests;

/// <summary>
/// The application authentication endpoint as WooCommerce's REST API documentation describes it
/// (woocommerce-rest-api-docs @ 13d6196, source/includes/wp-api-v3/_authentication.md): mandatory parameters,
/// scopes, the keys posted as JSON to callback_url, the owner sent to return_url with success and user_id.
/// </summary>
public sealed class AuthEndpointTests : IAsyncLifetime
{
    private WooEmulatorServer _emulator = null!;
    private Receiver _app = null!;

    public async Task InitializeAsync() => (_emulator, _app) = (await WooEmulatorServer.StartAsync(), await Receiver.StartAsync());

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Approving_posts_working_keys_to_the_callback_and_returns_the_owner()
    {
        var store = _emulator.AddStore();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var query = $"app_name=My%20App&scope=read_write&user_id=abc%2B1&return_url={Uri.EscapeDataString("https://app.example/return?x=1")}&callback_url={Uri.EscapeDataString(_app.Url)}";
        var consent = await browser.GetAsync($"{store.Url}/wc-auth/v1/authorize?{query}");
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Contains("My App would like to connect to your store", await consent.Content.ReadAsStringAsync());

        using var approve = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["app_name"] = "My App", ["scope"] = "read_write", ["user_id"] = "abc+1", ["return_url"] = "https://app.example/return?x=1", ["callback_url"] = _app.Url,
        });
        var back = await browser.PostAsync($"{store.Url}/wc-auth/v1/access_granted", approve);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("https://app.example/return?x=1&success=1&user_id=abc%2B1", back.Headers.Location!.ToString());

        var posted = JsonDocument.Parse(Assert.Single(_app.Received).Body).RootElement;
        Assert.Equal(["key_id", "user_id", "consumer_key", "consumer_secret", "key_permissions"], posted.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("abc+1", "read_write"), (posted.GetProperty("user_id").GetString(), posted.GetProperty("key_permissions").GetString()));
        using var api = new HttpClient();
        var key = posted.GetProperty("consumer_key").GetString()!;
        Assert.StartsWith("ck_", key);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"{store.Url}/wp-json/wc/v3/products?consumer_key={key}&consumer_secret={posted.GetProperty("consumer_secret").GetString()}")).StatusCode);
    }

    [Theory]
    [InlineData("scope=read_write&user_id=1&return_url=https%3A%2F%2Fa.example&callback_url=https%3A%2F%2Fa.example", "Missing parameter app_name")]
    [InlineData("app_name=A&scope=admin&user_id=1&return_url=https%3A%2F%2Fa.example&callback_url=https%3A%2F%2Fa.example", "Invalid scope admin")]
    [InlineData("app_name=A&scope=read&user_id=1&return_url=https%3A%2F%2Fa.example&callback_url=http%3A%2F%2Fa.example", "The callback_url needs to be over SSL")]
    public async Task A_bad_request_is_refused_with_WooCommerces_words(string query, string error)
    {
        var store = _emulator.AddStore();
        using var browser = new HttpClient();
        var answer = await browser.GetAsync($"{store.Url}/wc-auth/v1/authorize?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(error, await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Denying_returns_the_owner_with_success_0_and_posts_nothing()
    {
        var store = _emulator.AddStore();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var deny = new FormUrlEncodedContent(new Dictionary<string, string> { ["return_url"] = "https://app.example/r", ["user_id"] = "7" });
        var back = await browser.PostAsync($"{store.Url}/wc-auth/v1/access_denied", deny);
        Assert.Equal("https://app.example/r?success=0&user_id=7", back.Headers.Location!.ToString());
        Assert.Empty(_app.Received);
    }
}
