using System.Net;
using System.Net.Http.Json;

namespace ShopFloor.ShopifyEmulator.Tests;

public sealed class FaultTests : IAsyncLifetime
{
    private EmulatorServer _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorServer.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task The_429_switch_answers_too_many_requests_with_retry_after()
    {
        var control = new HttpClient { BaseAddress = _emulator.BaseAddress };
        await control.PutAsJsonAsync($"/_emulator/shops/{_emulator.DefaultShop.Domain}/faults", new { too_many_requests_share = 1.0 });
        var response = await _emulator.AdminClient().PostAsJsonAsync("/admin/api/2026-10/graphql.json", new { query = "{ shop { name } }" });
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task The_server_error_switch_answers_503()
    {
        _emulator.DefaultShop.Faults.ServerErrorShare = 1.0;
        var response = await _emulator.AdminClient().PostAsJsonAsync("/admin/api/2026-10/graphql.json", new { query = "{ shop { name } }" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task The_timeout_switch_leaves_the_client_waiting()
    {
        _emulator.DefaultShop.Faults.TimeoutShare = 1.0;
        using var client = _emulator.AdminClient();
        client.Timeout = TimeSpan.FromMilliseconds(300);
        await Assert.ThrowsAsync<TaskCanceledException>(() => client.PostAsJsonAsync("/admin/api/2026-10/graphql.json", new { query = "{ shop { name } }" }));
    }

    [Fact] // several stores, each with its own domain, token and data
    public async Task Stores_are_separate()
    {
        var (other, token) = _emulator.AddShop("second-store.myshopify.com");
        var first = new AdminApi(_emulator.AdminClient());
        var second = new AdminApi(_emulator.AdminClient(token));
        await first.LocationAsync("Only in the first");
        var seen = await second.DataAsync("{ shop { myshopifyDomain } locations(first: 10) { nodes { name } } }");
        Assert.Equal(other.Domain, seen.GetProperty("shop").GetProperty("myshopifyDomain").GetString());
        Assert.Empty(seen.GetProperty("locations").GetProperty("nodes").EnumerateArray());
    }
}
