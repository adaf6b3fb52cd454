using Microsoft.Extensions.Time.Testing;

namespace ShopFloor.ShopifyEmulator.Tests;

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-11-24T10:00:00Z"));
    private EmulatorServer _emulator = null!;
    private AdminApi _api = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync(o => (o.BucketSize, o.RestoreRate) = (100, 10), _clock);
        _api = new AdminApi(_emulator.AdminClient());
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory] // SHOPIFY-FACTS and shopify.dev "GraphQL Admin API rate limits": objects 1, scalars 0, connections 2 + first × one node, nested ones multiplied, mutations 10
    [InlineData("{ shop { name } }", 1)]
    [InlineData("{ products(first: 10) { edges { node { title variants(first: 5) { edges { node { price } } } } } } }", 82)]
    [InlineData("{ orders(first: 2) { nodes { fulfillments(first: 3) { id } } } }", 2 + 2 * (1 + 3 * 1))]
    [InlineData("{ locations(first: 10) { edges { node { id name } } } }", 12)]
    [InlineData("{ locations(first: 10) { nodes { id } pageInfo { hasNextPage } } }", 13)]
    [InlineData("mutation { webhookSubscriptionDelete(id: \"gid://shopify/WebhookSubscription/1\") { userErrors { message } } }", 10)]
    public async Task Every_answer_carries_its_calculated_cost_and_the_bucket(string query, int cost)
    {
        var result = await _api.SendAsync(query);
        var extension = result.GetProperty("extensions").GetProperty("cost");
        Assert.Equal(cost, extension.GetProperty("requestedQueryCost").GetInt32());
        var status = extension.GetProperty("throttleStatus");
        Assert.Equal(100, status.GetProperty("maximumAvailable").GetDouble());
        Assert.Equal(10, status.GetProperty("restoreRate").GetDouble());
        var actual = extension.GetProperty("actualQueryCost").GetInt32();
        Assert.InRange(actual, 1, cost);
        Assert.Equal(100 - actual, status.GetProperty("currentlyAvailable").GetDouble());
    }

    [Fact] // Shopify takes the requested cost, then gives back what the answer did not use
    public async Task A_connection_is_charged_for_the_items_it_returned()
    {
        var locations = _emulator.DefaultShop.Locations.Count(l => l.IsActive);
        var result = await _api.SendAsync("{ locations(first: 50) { nodes { id } } }");
        var cost = result.GetProperty("extensions").GetProperty("cost");
        Assert.Equal(52, cost.GetProperty("requestedQueryCost").GetInt32());
        Assert.Equal(2 + locations, cost.GetProperty("actualQueryCost").GetInt32());
        Assert.Equal(100 - 2 - locations, cost.GetProperty("throttleStatus").GetProperty("currentlyAvailable").GetDouble());
    }

    [Fact] // benchmarks ask where a store's points went: calls and actual points per operation, as each answer reported them
    public async Task The_control_API_tallies_actual_points_per_operation()
    {
        var first = await _api.SendAsync("query Places { locations(first: 50) { nodes { id } } }");
        var second = await _api.SendAsync("query Places { locations(first: 50) { nodes { id } } }");
        await _api.SendAsync("{ shop { name } }");

        using var control = new HttpClient { BaseAddress = _emulator.BaseAddress };
        var tally = System.Text.Json.JsonDocument.Parse(await control.GetStringAsync($"/_emulator/shops/{_emulator.DefaultShop.Domain}/points")).RootElement;
        var places = tally.EnumerateArray().Single(o => o.GetProperty("operation").GetString() == "Places");
        Assert.Equal(2, places.GetProperty("calls").GetInt64());
        Assert.Equal(Actual(first) + Actual(second), places.GetProperty("points").GetInt64());
        Assert.Equal(1, tally.EnumerateArray().Single(o => o.GetProperty("operation").GetString() == "(anonymous)").GetProperty("calls").GetInt64());
        Assert.Equal("Places", tally[0].GetProperty("operation").GetString()); // most points first

        static long Actual(System.Text.Json.JsonElement answer) =>
            answer.GetProperty("extensions").GetProperty("cost").GetProperty("actualQueryCost").GetInt64();
    }

    [Fact] // a throttled call is HTTP 200 with errors[].extensions.code = THROTTLED; the bucket restores over time
    public async Task An_empty_bucket_throttles_until_it_restores()
    {
        const string mutation = "mutation { webhookSubscriptionDelete(id: \"gid://shopify/WebhookSubscription/1\") { userErrors { message } } }";
        for (var i = 0; i < 10; i++)
            await _api.SendAsync(mutation);

        var throttled = await _api.SendAsync(mutation);
        Assert.Equal("THROTTLED", throttled.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(0, throttled.GetProperty("extensions").GetProperty("cost").GetProperty("throttleStatus").GetProperty("currentlyAvailable").GetDouble());

        _clock.Advance(TimeSpan.FromSeconds(1)); // 10 points back
        var again = await _api.SendAsync(mutation);
        Assert.False(again.TryGetProperty("errors", out _));
    }

    [Fact] // a single query may cost at most 1,000
    public async Task A_query_above_the_single_query_limit_is_refused()
    {
        var result = await _api.SendAsync("{ products(first: 250) { nodes { id variants(first: 250) { nodes { id } } } } }");
        Assert.Equal("MAX_COST_EXCEEDED", result.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(100, result.GetProperty("extensions").GetProperty("cost").GetProperty("throttleStatus").GetProperty("currentlyAvailable").GetDouble());
    }
}
