using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Inbox;
using ShopFloor.Shopify.Webhooks;
using ShopFloor.Tests.Infrastructure;

namespace ShopFloor.Tests.Shopify;

public abstract class StoreConnectionTests(ShopFloorApp app)
{
    private readonly Shop _shop = new(app.Api());
    private readonly ShopifyStores _stores = new(app, app.Api());
    private ApiClient Api => _shop.Api;

    [Fact] // R-CON-1, R-CON-3: connected by a custom app's token; Disabled until every location is mapped; then Sync inactive
    public async Task A_store_connected_by_token_is_disabled_until_every_location_is_mapped()
    {
        var (shop, token) = _stores.NewStore();
        var (online, popUp) = (await _stores.AddLocationAsync(shop, "Online"), await _stores.AddLocationAsync(shop, "Pop-up"));
        var store = await _stores.ConnectAsync(shop, token);
        var id = store.GetProperty("id").GetInt64();
        Assert.Equal("DISABLED", store.GetProperty("state").GetString());

        var locations = (await Api.GetAsync($"/v1/shopify/stores/{id}/locations")).GetProperty("data");
        Assert.Equal(["Online", "Pop-up"], locations.EnumerateArray().Select(l => l.GetProperty("name").GetString()));

        var warehouse = await _shop.LocationAsync();
        await _stores.MapAsync(id, (online, warehouse));
        Assert.Equal("DISABLED", await _stores.StateAsync(id));
        await _stores.MapAsync(id, (popUp, warehouse)); // several Shopify locations may share one ShopFloor location
        Assert.Equal("SYNC_INACTIVE", await _stores.StateAsync(id));
    }

    [Fact] // R-CON-4: nothing syncs before an explicit Activate; Pause stops without disconnecting
    public async Task Sync_starts_only_by_activate_from_sync_inactive_and_pauses()
    {
        var (shop, token) = _stores.NewStore();
        var online = await _stores.AddLocationAsync(shop, "Online");
        var id = (await _stores.ConnectAsync(shop, token)).GetProperty("id").GetInt64();

        var refused = await Api.SendAsync(HttpMethod.Post, $"/v1/shopify/stores/{id}/activate");
        var problem = await ApiClient.ProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Contains("mapped", problem.GetProperty("detail").GetString());

        await _stores.MapAsync(id, (online, await _shop.LocationAsync()));
        Assert.Equal("SYNC_ACTIVE", (await Api.PostAsync($"/v1/shopify/stores/{id}/activate", new { })).GetProperty("state").GetString());
        Assert.Equal("SYNC_INACTIVE", (await Api.PostAsync($"/v1/shopify/stores/{id}/pause", new { })).GetProperty("state").GetString());
    }

    [Fact] // R-CFG-2: only sell-enabled ShopFloor locations; a Shopify location maps to one ShopFloor location
    public async Task Locations_map_only_to_sell_enabled_locations_and_only_once()
    {
        var (shop, token) = _stores.NewStore();
        var online = await _stores.AddLocationAsync(shop, "Online");
        var id = (await _stores.ConnectAsync(shop, token)).GetProperty("id").GetInt64();
        var workshop = (await Api.PostAsync("/v1/locations", new { name = "Workshop " + Shop.Unique(), sales_allowed = false })).GetProperty("id").GetInt64();

        var notSelling = await Api.SendAsync(HttpMethod.Put, $"/v1/shopify/stores/{id}/location_mappings",
            new[] { new { shopify_location_id = ShopifyStores.Gid(online), location_id = workshop } });
        await ApiClient.ProblemAsync(notSelling, HttpStatusCode.UnprocessableEntity);
        var twice = await Api.SendAsync(HttpMethod.Put, $"/v1/shopify/stores/{id}/location_mappings", new[]
        {
            new { shopify_location_id = ShopifyStores.Gid(online), location_id = await _shop.LocationAsync() },
            new { shopify_location_id = ShopifyStores.Gid(online), location_id = await _shop.LocationAsync() },
        });
        await ApiClient.ProblemAsync(twice, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("DISABLED", await _stores.StateAsync(id));
    }

    [Theory] // R-CON-1: a token the store refuses, or a domain that is not a shop's
    [InlineData("wrong-token", null)]
    [InlineData(null, "not-a-shop.example.com")]
    [InlineData(null, "{shop}\n")] // #20: a trailing newline (which a `$` anchor lets through)
    [InlineData(null, "{shop}.evil.example.com")]
    public async Task A_refused_token_or_a_bad_domain_connects_nothing(string? token, string? domain)
    {
        var (shop, goodToken) = _stores.NewStore();
        var response = await Api.SendAsync(HttpMethod.Post, "/v1/shopify/stores",
            new { shop_domain = domain?.Replace("{shop}", shop.Domain) ?? shop.Domain, access_token = token ?? goodToken });
        await ApiClient.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var all = (await Api.GetAsync("/v1/shopify/stores")).GetProperty("data");
        Assert.DoesNotContain(all.EnumerateArray(), s => s.GetProperty("shop_domain").GetString() == shop.Domain);
    }

    [Fact] // R-CON-4a: disconnecting and reconnecting keeps configuration and mapping
    public async Task Reconnecting_keeps_the_configuration_and_location_mapping()
    {
        var (shop, token) = _stores.NewStore();
        var online = await _stores.AddLocationAsync(shop, "Online");
        var id = (await _stores.ConnectAsync(shop, token)).GetProperty("id").GetInt64();
        await _stores.MapAsync(id, (online, await _shop.LocationAsync()));
        await Api.PatchAsync($"/v1/shopify/stores/{id}/settings", new { import_pending_orders = true });

        Assert.Equal("NOT_CONNECTED", (await Api.SendAsync(HttpMethod.Delete, $"/v1/shopify/stores/{id}")
            .ContinueWith(t => System.Text.Json.JsonDocument.Parse(t.Result.Content.ReadAsStringAsync().Result).RootElement.GetProperty("state").GetString())));
        var again = await _stores.ConnectAsync(shop, token);
        Assert.Equal(id, again.GetProperty("id").GetInt64());
        Assert.Equal("SYNC_INACTIVE", again.GetProperty("state").GetString());
        Assert.True((await Api.GetAsync($"/v1/shopify/stores/{id}/settings")).GetProperty("settings").GetProperty("import_pending_orders").GetBoolean());
    }

    [Fact] // R-CON-5: saved as edited while inactive; staged while active until applied; the shared settings' changes in the sync log (#19)
    public async Task Settings_autosave_while_inactive_and_wait_for_apply_while_active()
    {
        var (shop, token) = _stores.NewStore();
        var id = (await _stores.ConnectAsync(shop, token)).GetProperty("id").GetInt64();
        var saved = await Api.PatchAsync($"/v1/shopify/stores/{id}/settings", new { shipping_fee_row = false });
        Assert.False(saved.GetProperty("settings").GetProperty("shipping_fee_row").GetBoolean());

        await Api.PostAsync($"/v1/shopify/stores/{id}/activate", new { });
        var staged = await Api.PatchAsync($"/v1/shopify/stores/{id}/settings", new { shipping_fee_row = true, create_returns = false });
        Assert.False(staged.GetProperty("settings").GetProperty("shipping_fee_row").GetBoolean());
        Assert.True(staged.GetProperty("staged_settings").GetProperty("shipping_fee_row").GetBoolean());

        var applied = await Api.PostAsync($"/v1/shopify/stores/{id}/settings/apply", new { });
        Assert.True(applied.GetProperty("settings").GetProperty("shipping_fee_row").GetBoolean());
        Assert.False(applied.GetProperty("settings").GetProperty("create_returns").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, applied.GetProperty("staged_settings").ValueKind);
        // The shared settings' changes are named in the sync log as they take effect, in the words every channel uses.
        var log = (await Api.GetAsync($"/v1/shopify/stores/{id}/sync_log?subject=sync")).GetProperty("data").EnumerateArray()
            .Select(l => l.GetProperty("message").GetString()).ToList();
        Assert.Equal(["settings changed: shipping-fee row on, return orders off", "settings changed: shipping-fee row off"], log);

        var unknown = await Api.SendAsync(HttpMethod.Patch, $"/v1/shopify/stores/{id}/settings", new { no_such_setting = 1 });
        await ApiClient.ProblemAsync(unknown, HttpStatusCode.UnprocessableEntity);
    }

    [Fact] // R-CON-1: the OAuth install flow, HMAC and state checked
    public async Task The_oauth_install_connects_the_store_that_consented()
    {
        var domain = $"oauth-{Shop.Unique()}.myshopify.com";
        app.Emulator.Shops.Add(domain);
        var stranger = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Address };
        var refused = await stranger.GetAsync($"/shopify/install?shop={domain}");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode); // nobody signed in: to the sign-in page, not to Shopify
        Assert.Equal("/account/login", refused.Headers.Location!.AbsolutePath);

        var browser = await SignedIn.BrowserAsync(app);
        var install = await browser.GetAsync($"/shopify/install?shop={domain}");
        Assert.Equal(HttpStatusCode.Redirect, install.StatusCode);
        var authorize = install.Headers.Location!;
        Assert.StartsWith(app.Emulator.BaseAddress.ToString(), authorize.ToString());

        var emulatorBrowser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = await emulatorBrowser.GetAsync(authorize);
        var callback = consent.Headers.Location!;
        Assert.Equal("/shopify/callback", callback.AbsolutePath);

        var connected = await browser.GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, connected.StatusCode);
        var all = (await Api.GetAsync("/v1/shopify/stores")).GetProperty("data");
        Assert.Contains(all.EnumerateArray(), s => s.GetProperty("shop_domain").GetString() == domain && s.GetProperty("state").GetString() != "NOT_CONNECTED");

        // #21: the state is single-use; the same callback again is refused.
        var replayed = await browser.GetAsync(callback.PathAndQuery);
        Assert.True(replayed.StatusCode is HttpStatusCode.Conflict, $"a replayed callback answered {(int)replayed.StatusCode}");
    }

    [Theory] // R-CON-1: forged HMAC, bad state, bad shop domain are refused
    [InlineData("hmac")]
    [InlineData("state")]
    [InlineData("shop")]
    public async Task A_tampered_oauth_callback_is_refused(string tampered)
    {
        var domain = $"forge-{Shop.Unique()}.myshopify.com";
        app.Emulator.Shops.Add(domain);
        var browser = await SignedIn.BrowserAsync(app);
        var authorize = (await browser.GetAsync($"/shopify/install?shop={domain}")).Headers.Location!;
        var callback = (await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }).GetAsync(authorize)).Headers.Location!;
        var query = QueryHelpers.ParseQuery(callback.Query).ToDictionary(q => q.Key, q => q.Value.ToString());
        query[tampered] = tampered switch
        {
            "hmac" => new string('0', 64),
            "state" => "forged-state",
            _ => "evil.example.com",
        };
        if (tampered != "hmac") // re-sign, so only the tampered field is wrong
            query["hmac"] = ShopFloor.Shopify.Connection.OAuthSignature.Sign(app.Emulator.Shops.ApiSecret, query);

        var response = await browser.GetAsync(QueryHelpers.AddQueryString("/shopify/callback", query!));
        Assert.True(response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity, $"{response.StatusCode}");
        var all = (await Api.GetAsync("/v1/shopify/stores")).GetProperty("data");
        Assert.DoesNotContain(all.EnumerateArray(), s => s.GetProperty("shop_domain").GetString() == domain);
    }

    [Fact] // R-CON-3: app/uninstalled disconnects; a forged webhook does nothing
    public async Task The_app_uninstalled_webhook_disconnects_the_store_and_forgeries_are_refused()
    {
        var (shop, token) = _stores.NewStore();
        var id = (await _stores.ConnectAsync(shop, token)).GetProperty("id").GetInt64();
        var body = System.Text.Encoding.UTF8.GetBytes($$"""{"domain":"{{shop.Domain}}"}""");

        var forged = new HttpRequestMessage(HttpMethod.Post, "/webhooks/shopify") { Content = new ByteArrayContent(body) };
        forged.Headers.Add("X-Shopify-Topic", "app/uninstalled");
        forged.Headers.Add("X-Shopify-Shop-Domain", shop.Domain);
        forged.Headers.Add("X-Shopify-Hmac-Sha256", ShopFloor.ShopifyEmulator.Webhooks.WebhookSignature.Sign("not-the-secret", body));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().SendAsync(forged)).StatusCode);
        Assert.Equal("SYNC_INACTIVE", await _stores.StateAsync(id));

        // #21: a genuinely signed body under a replayed topic header: Shopify still accepts the token, so nothing changes.
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(Signed())).StatusCode);
        await Eventually.TrueAsync(() => app.WithDbAsync(db => db.Set<InboxDelivery>().AnyAsync(d => d.StoreKey == shop.Domain && d.Status == DeliveryStatus.Skipped)),
            "the replayed delivery is looked at");
        Assert.Equal("SYNC_INACTIVE", await _stores.StateAsync(id));

        // Uninstalled for real: Shopify has revoked the token by the time the webhook is processed.
        await app.Emulator.InShopAsync(shop, s => { s.AccessTokens.Clear(); return true; });
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(Signed())).StatusCode);
        await Eventually.TrueAsync(async () => await _stores.StateAsync(id) == "NOT_CONNECTED", "the store is disconnected");

        HttpRequestMessage Signed()
        {
            var signed = new HttpRequestMessage(HttpMethod.Post, "/webhooks/shopify") { Content = new ByteArrayContent(body) };
            signed.Headers.Add("X-Shopify-Topic", "app/uninstalled");
            signed.Headers.Add("X-Shopify-Shop-Domain", shop.Domain);
            signed.Headers.Add("X-Shopify-Hmac-Sha256", ShopFloor.ShopifyEmulator.Webhooks.WebhookSignature.Sign(app.Emulator.Shops.ApiSecret, body));
            signed.Headers.Add("X-Shopify-Webhook-Id", Guid.NewGuid().ToString());
            return signed;
        }
    }
}

public sealed class StoreConnectionOnSqlite(SqliteApp app) : StoreConnectionTests(app), IClassFixture<SqliteApp>;

public sealed class StoreConnectionOnPostgres(PostgresApp app) : StoreConnectionTests(app), IClassFixture<PostgresApp>;
