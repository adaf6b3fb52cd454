using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using ShopFloor.Oracle;

namespace ShopFloor.ShopifyEmulator.Tests;

/// <summary>
/// #12: the emulator judged by Shopify's official Node libraries rather than by ShopFloor, which was written by the
/// same hands: @shopify/shopify-api validates its webhooks and OAuth redirects, @shopify/admin-api-client drives
/// its Admin API.
/// </summary>
public sealed class OracleTests : EmulatorWithReceiver
{
    private Task<JsonElement> AdminAsync(string query, object? variables = null) => ShopifyOracle.RunAsync("admin", new
    {
        adminUrl = Emulator.BaseAddress.ToString().TrimEnd('/'),
        shop = Emulator.DefaultShop.Domain,
        apiVersion = GraphQL.ApiVersions.Latest,
        accessToken = Emulator.AccessToken,
        query,
        variables,
    });

    [Fact]
    public async Task The_official_library_validates_a_webhook_theEmulator_sent()
    {
        var location = await Api.LocationAsync("Warehouse");
        var item = (await Api.ProductAsync("Mug", "MUG-ORACLE"))[0];
        await SubscribeAsync("INVENTORY_LEVELS_UPDATE");
        await Api.SetAvailableAsync(new { inventoryItemId = item, locationId = location, quantity = 3, changeFromQuantity = (int?)null });
        var webhook = (await Receiver.WaitForAsync(1))[0];
        var headers = webhook.Headers.Where(h => h.Key.StartsWith("X-Shopify-", StringComparison.OrdinalIgnoreCase)).ToDictionary();

        var verdict = await ShopifyOracle.RunAsync("webhook", new { secret = Emulator.Shops.ApiSecret, body = Encoding.UTF8.GetString(webhook.Body), headers });
        Assert.True(verdict.GetProperty("valid").GetBoolean(), verdict.ToString());
        Assert.Equal("INVENTORY_LEVELS_UPDATE", verdict.GetProperty("topic").GetString());
        Assert.Equal(Emulator.DefaultShop.Domain, verdict.GetProperty("domain").GetString());
        Assert.Equal(GraphQL.ApiVersions.Latest, verdict.GetProperty("apiVersion").GetString());

        var tampered = await ShopifyOracle.RunAsync("webhook", new { secret = Emulator.Shops.ApiSecret, body = Encoding.UTF8.GetString(webhook.Body) + " ", headers });
        Assert.False(tampered.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task The_official_library_validates_the_oauth_redirect_and_its_host()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Emulator.BaseAddress };
        const string redirect = "https://shopfloor.example/shopify/callback";
        var response = await browser.GetAsync($"/admin/oauth/authorize?client_id={Emulator.Shops.ApiKey}&scope=read_orders&redirect_uri={Uri.EscapeDataString(redirect)}&state=n-1");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query).ToDictionary(p => p.Key, p => p.Value.ToString());

        var verdict = await ShopifyOracle.RunAsync("oauth", new { apiKey = Emulator.Shops.ApiKey, secret = Emulator.Shops.ApiSecret, query });
        Assert.True(verdict.GetProperty("hmacValid").GetBoolean());
        Assert.Equal(query["host"], verdict.GetProperty("host").GetString());
        Assert.Equal(Emulator.DefaultShop.Domain, verdict.GetProperty("shop").GetString());
    }

    [Fact]
    public async Task The_official_admin_client_reads_the_shop_and_the_cost_of_its_query()
    {
        var answer = await AdminAsync("{ shop { name myshopifyDomain } locations(first: 10) { nodes { id } } }");
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("errors").ValueKind);
        Assert.Equal(Emulator.DefaultShop.Domain, answer.GetProperty("data").GetProperty("shop").GetProperty("myshopifyDomain").GetString());
        var cost = answer.GetProperty("extensions").GetProperty("cost");
        Assert.Equal(1 + 2 + 10, cost.GetProperty("requestedQueryCost").GetInt32());
        Assert.True(cost.GetProperty("throttleStatus").GetProperty("restoreRate").GetDouble() > 0);
    }

    [Fact] // what 2026-10 demands of inventorySetQuantities, through the official client
    public async Task The_official_admin_client_sees_2026_10s_idempotency_rules()
    {
        var location = await Api.LocationAsync("Warehouse");
        var item = (await Api.ProductAsync("Mug", "MUG-KEY"))[0];
        var input = new { name = "available", reason = "correction", quantities = new[] { new { inventoryItemId = item, locationId = location, quantity = 8, changeFromQuantity = (int?)null } } };

        var refused = await AdminAsync("mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { code } } }", new { input });
        Assert.Contains("@idempotent directive is required", refused.GetProperty("errors").ToString());

        const string keyed = "mutation($input: InventorySetQuantitiesInput!, $key: String!) { inventorySetQuantities(input: $input) @idempotent(key: $key) { inventoryAdjustmentGroup { id } userErrors { code } } }";
        var first = await AdminAsync(keyed, new { input, key = "oracle-1" });
        var again = await AdminAsync(keyed, new { input, key = "oracle-1" });
        Assert.Equal(first.GetProperty("data").ToString(), again.GetProperty("data").ToString());
        Assert.Equal(8, await Api.AvailableAsync(item, location));
        Assert.Equal(1, Emulator.DefaultShop.IdempotentCalls.Replays);
    }
}
