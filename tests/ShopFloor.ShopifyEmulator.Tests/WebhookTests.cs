using System.Text;
using System.Text.Json;
using ShopFloor.ShopifyEmulator.Webhooks;

namespace ShopFloor.ShopifyEmulator.Tests;

public sealed class WebhookTests : IAsyncLifetime
{
    private EmulatorServer _emulator = null!;
    private WebhookReceiver _receiver = null!;
    private AdminApi _api = null!;
    private string _location = "";
    private string _item = "";

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync(o => (o.WebhookFirstRetry, o.WebhookTimeout) = (TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500)));
        _receiver = await WebhookReceiver.StartAsync();
        _api = new AdminApi(_emulator.AdminClient());
        _location = await _api.LocationAsync("Warehouse");
        _item = (await _api.ProductAsync("Mug", "MUG-1"))[0];
        await _api.DataAsync("""
            mutation($uri: String!) { webhookSubscriptionCreate(topic: INVENTORY_LEVELS_UPDATE, webhookSubscription: {uri: $uri}) { webhookSubscription { id } } }
            """, new { uri = _receiver.Url });
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private Task SetAsync(int quantity) =>
        _api.SetAvailableAsync(new { inventoryItemId = _item, locationId = _location, quantity, changeFromQuantity = (int?)null });

    [Fact] // the published test vector
    public void Signatures_match_shopifys_published_example() =>
        Assert.Equal("3X6clrsy+C8mmzR/MeTh6b/EcLr46WLZaU+24GrPXOM=", WebhookSignature.Sign("some-secret", "Bf"u8));

    [Fact]
    public async Task A_delivery_carries_shopifys_headers_and_a_verifiable_signature()
    {
        await SetAsync(4);
        var webhook = (await _receiver.WaitForAsync(1))[0];
        Assert.Equal("inventory_levels/update", webhook.Headers["X-Shopify-Topic"]);
        Assert.Equal(_emulator.DefaultShop.Domain, webhook.Headers["X-Shopify-Shop-Domain"]);
        Assert.Equal("2026-10", webhook.Headers["X-Shopify-API-Version"]);
        Assert.False(string.IsNullOrEmpty(webhook.Headers["X-Shopify-Webhook-Id"]));
        Assert.False(string.IsNullOrEmpty(webhook.Headers["X-Shopify-Event-Id"]));
        Assert.True(DateTime.TryParse(webhook.Headers["X-Shopify-Triggered-At"], out _));
        Assert.Equal(WebhookSignature.Sign(_emulator.Shops.ApiSecret, webhook.Body), webhook.Headers["X-Shopify-Hmac-Sha256"]);
    }

    [Fact] // payloads carry the fields real ones do (fixtures/shopify/legacy-rest/inventory_level.json)
    public async Task The_payload_has_the_fields_of_a_real_inventory_level_webhook()
    {
        var fixture = JsonDocument.Parse(await File.ReadAllTextAsync(Fixtures.Path("inventory_level.json"))).RootElement.GetProperty("inventory_level");
        await SetAsync(6);
        var payload = JsonDocument.Parse((await _receiver.WaitForAsync(1))[0].Body).RootElement;
        foreach (var field in fixture.EnumerateObject())
        {
            Assert.True(payload.TryGetProperty(field.Name, out var value), $"missing {field.Name}");
            Assert.Equal(field.Value.ValueKind, value.ValueKind);
        }
        Assert.Equal(6, payload.GetProperty("available").GetInt32());
    }

    [Fact] // failed deliveries are retried with the same webhook id
    public async Task A_failed_delivery_is_retried_with_the_same_webhook_id()
    {
        _receiver.AnswerNext(500, 503);
        await SetAsync(3);
        var received = await _receiver.WaitForAsync(3);
        for (var i = 0; i < 100 && _emulator.Webhooks.Log.Count < 3; i++)
            await Task.Delay(20); // the emulator logs an attempt once it has the answer
        Assert.Single(received.Select(r => r.Headers["X-Shopify-Webhook-Id"]).Distinct());
        Assert.Equal([1, 2, 3], _emulator.Webhooks.Log.Select(a => a.Attempt).Order());
    }

    [Fact] // Shopify waits 5 s (here 0.5 s) for an answer; a slow one counts as failed and is retried
    public async Task A_slow_answer_counts_as_a_failure_and_is_retried()
    {
        _receiver.DelayNext(TimeSpan.FromSeconds(2));
        await SetAsync(5);
        await _receiver.WaitForAsync(2);
        // The emulator logs an attempt once it has the answer; on a busy machine that can take a while.
        for (var i = 0; i < 500 && !_emulator.Webhooks.Log.Any(a => a.StatusCode == 200); i++)
            await Task.Delay(20);
        var attempts = _emulator.Webhooks.Log.OrderBy(a => a.Attempt).ToList();
        Assert.Contains("no answer within", attempts[0].Error);
        Assert.Equal(200, attempts.Last().StatusCode);
    }

    [Fact]
    public async Task The_duplicate_switch_delivers_each_webhook_twice()
    {
        _emulator.DefaultShop.Faults.DuplicateWebhooks = true;
        await SetAsync(2);
        var received = await _receiver.WaitForAsync(2);
        Assert.Equal(received[0].Headers["X-Shopify-Webhook-Id"], received[1].Headers["X-Shopify-Webhook-Id"]);
    }

    [Fact] // out-of-order delivery: held back, then released newest first
    public async Task Held_webhooks_are_released_newest_first()
    {
        _emulator.DefaultShop.Faults.HoldWebhooks = true;
        await SetAsync(1);
        await SetAsync(2);
        await Task.Delay(100);
        Assert.Empty(_receiver.Received);
        _emulator.DefaultShop.Faults.HoldWebhooks = false;
        Assert.Equal(2, _emulator.Webhooks.Release(_emulator.DefaultShop));
        var received = await _receiver.WaitForAsync(2);
        var available = received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("available").GetInt32()).ToList();
        Assert.Contains(2, available);
        Assert.Contains(1, available);
    }

    [Fact]
    public async Task Deleting_a_subscription_stops_deliveries()
    {
        var id = (await _api.DataAsync("{ webhookSubscriptions(first: 5) { nodes { id uri topic } } }"))
            .GetProperty("webhookSubscriptions").GetProperty("nodes")[0].GetProperty("id").GetString();
        await _api.DataAsync("mutation($id: ID!) { webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId } }", new { id });
        await SetAsync(8);
        await Task.Delay(200);
        Assert.Empty(_receiver.Received);
    }
}
