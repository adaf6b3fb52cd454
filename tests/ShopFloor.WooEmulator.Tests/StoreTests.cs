using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ShopFloor.WooEmulator.Store;

namespace ShopFloor.WooEmulator.Tests;

/// <summary>The REST API as WooCommerce's documentation describes it: keys, paging, stock, orders, refunds, webhooks.</summary>
public sealed class StoreTests : IAsyncLifetime
{
    private WooEmulatorServer _emulator = null!;
    private WooStore _store = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _emulator = await WooEmulatorServer.StartAsync();
        _store = _emulator.AddStore();
        _api = _emulator.RestClient(_store);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact] // R-SHIP-1 (Woo): the REST API answers only the store's own keys, by Basic auth or query string
    public async Task Only_the_stores_keys_open_its_api()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(_store.Url + "/wp-json/wc/v3/") };
        var refused = await anonymous.GetAsync("orders");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("woocommerce_rest_cannot_view", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var wrong = await anonymous.GetAsync($"orders?consumer_key={_store.ConsumerKey}&consumer_secret=cs_wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"orders?consumer_key={_store.ConsumerKey}&consumer_secret={_store.ConsumerSecret}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("orders")).StatusCode);

        var other = _emulator.AddStore();
        using var otherKeys = _emulator.RestClient(other);
        using var crossed = new HttpClient { BaseAddress = _api.BaseAddress };
        crossed.DefaultRequestHeaders.Authorization = otherKeys.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.Unauthorized, (await crossed.GetAsync("orders")).StatusCode);
    }

    [Fact]
    public async Task Lists_come_in_pages_of_at_most_100_with_their_totals_in_headers()
    {
        await _emulator.InStoreAsync(_store, s => Enumerable.Range(0, 23).Select(i => s.AddProduct($"Bead {i}", $"BEAD-{i}", 1m, 10, DateTime.UtcNow)).ToList());
        var first = await _api.GetAsync("products?per_page=10");
        Assert.Equal("23", first.Headers.GetValues("X-WP-Total").Single());
        Assert.Equal("3", first.Headers.GetValues("X-WP-TotalPages").Single());
        Assert.Contains("rel=\"next\"", first.Headers.GetValues("Link").Single());
        var last = await _api.GetFromJsonAsync<JsonElement>("products?per_page=10&page=3");
        Assert.Equal(3, last.GetArrayLength());
        var bySku = await _api.GetFromJsonAsync<JsonElement>("products?sku=BEAD-7");
        Assert.Equal("BEAD-7", Assert.Single(bySku.EnumerateArray()).GetProperty("sku").GetString());

        var tooMany = await _api.GetAsync("products?per_page=101");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal("rest_invalid_param", (await tooMany.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact] // an order takes stock once it is processing, gives it back when cancelled; a refund restocks only with api_restock
    public async Task Orders_take_and_give_back_stock_as_woocommerce_does()
    {
        var candle = await _emulator.InStoreAsync(_store, s => s.AddProduct("Candle", "CANDLE", 12m, 10, DateTime.UtcNow));
        var order = await _emulator.PlaceOrderAsync(_store, new LineDraft("CANDLE", 3));
        Assert.Equal(7, await StockAsync($"products/{candle.Id}"));

        var cancelled = await _api.PutAsJsonAsync($"orders/{order.Id}", new { status = "cancelled" });
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(10, await StockAsync($"products/{candle.Id}"));

        var second = await _emulator.PlaceOrderAsync(_store, new LineDraft("CANDLE", 2));
        var line = second.LineItems[0].Id;
        await _api.PostAsJsonAsync($"orders/{second.Id}/refunds", new { amount = "12.00", api_restock = false, line_items = new[] { new { id = line, quantity = 1 } } });
        Assert.Equal(8, await StockAsync($"products/{candle.Id}"));
        var refund = await _api.PostAsJsonAsync($"orders/{second.Id}/refunds", new { amount = "12.00", line_items = new[] { new { id = line, quantity = 1 } } });
        Assert.Equal(HttpStatusCode.Created, refund.StatusCode);
        Assert.Equal(9, await StockAsync($"products/{candle.Id}"));
        Assert.Equal("refunded", (await _api.GetFromJsonAsync<JsonElement>($"orders/{second.Id}")).GetProperty("status").GetString());
    }

    [Fact] // a refund lists its lines as WooCommerce does: negative quantities naming the order line in _refunded_item_id
    public async Task Refunds_are_listed_with_the_lines_they_refund()
    {
        await _emulator.InStoreAsync(_store, s => s.AddProduct("Candle", "CANDLE", 12m, 10, DateTime.UtcNow));
        var order = await _emulator.PlaceOrderAsync(_store, new LineDraft("CANDLE", 3));
        var line = order.LineItems[0].Id;
        await _api.PostAsJsonAsync($"orders/{order.Id}/refunds", new { amount = "24.00", reason = "broken", line_items = new[] { new { id = line, quantity = 2 } } });

        var refund = Assert.Single((await _api.GetFromJsonAsync<JsonElement>($"orders/{order.Id}/refunds")).EnumerateArray());
        var refunded = Assert.Single(refund.GetProperty("line_items").EnumerateArray());
        Assert.Equal(-2, refunded.GetProperty("quantity").GetInt32());
        Assert.Equal(line.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Assert.Single(refunded.GetProperty("meta_data").EnumerateArray(), m => m.GetProperty("key").GetString() == "_refunded_item_id").GetProperty("value").GetString());
        Assert.Equal("broken", (await _api.GetFromJsonAsync<JsonElement>($"orders/{order.Id}/refunds/{refund.GetProperty("id").GetInt64()}")).GetProperty("reason").GetString());
        var inOrder = Assert.Single((await _api.GetFromJsonAsync<JsonElement>($"orders/{order.Id}")).GetProperty("refunds").EnumerateArray());
        Assert.Equal("-24.00", inOrder.GetProperty("total").GetString());
    }

    [Fact] // an admin's edit moves the order's stock; deleting trashes the order (still readable, out of "any") unless forced
    public async Task Orders_are_edited_trashed_and_deleted()
    {
        var candle = await _emulator.InStoreAsync(_store, s => s.AddProduct("Candle", "CANDLE", 12m, 10, DateTime.UtcNow));
        var order = await _emulator.PlaceOrderAsync(_store, new LineDraft("CANDLE", 3));
        var edited = await _api.PutAsJsonAsync($"orders/{order.Id}", new { line_items = new[] { new { id = order.LineItems[0].Id, quantity = 1 } } });
        Assert.Equal(1, (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("line_items")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(9, await StockAsync($"products/{candle.Id}"));
        var unknownLine = await _api.PutAsJsonAsync($"orders/{order.Id}", new { line_items = new[] { new { id = 424242, quantity = 1 } } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownLine.StatusCode);

        await _api.DeleteAsync($"orders/{order.Id}");
        Assert.Equal("trash", (await _api.GetFromJsonAsync<JsonElement>($"orders/{order.Id}")).GetProperty("status").GetString());
        Assert.Empty((await _api.GetFromJsonAsync<JsonElement>("orders")).EnumerateArray());
        Assert.Single((await _api.GetFromJsonAsync<JsonElement>("orders?status=trash")).EnumerateArray());
        await _api.DeleteAsync($"orders/{order.Id}?force=true");
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"orders/{order.Id}")).StatusCode);
    }

    [Fact] // the stock push: stock_quantity set for products and variations in batches of up to 100
    public async Task Stock_is_set_in_batches_for_products_and_variations()
    {
        var (candle, blue) = await _emulator.InStoreAsync(_store, s =>
        {
            var shirt = s.AddProduct("Shirt", "", 20m, null, DateTime.UtcNow);
            return (s.AddProduct("Candle", "CANDLE", 12m, 1, DateTime.UtcNow), s.AddVariation(shirt, "Blue", "SHIRT-BLUE", 20m, 1, DateTime.UtcNow));
        });
        var products = await _api.PostAsJsonAsync("products/batch", new { update = new object[] { new { id = candle.Id, stock_quantity = 40, manage_stock = true }, new { id = 999999 } } });
        var answer = (await products.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("update");
        Assert.Equal(40, answer[0].GetProperty("stock_quantity").GetInt32());
        Assert.Equal("woocommerce_rest_product_invalid_id", answer[1].GetProperty("error").GetProperty("code").GetString());
        await _api.PostAsJsonAsync($"products/{blue.Parent.Id}/variations/batch", new { update = new[] { new { id = blue.Id, stock_quantity = 0 } } });
        var variation = (await _api.GetFromJsonAsync<JsonElement>($"products/{blue.Parent.Id}/variations?sku=SHIRT-BLUE"))[0];
        Assert.Equal(0, variation.GetProperty("stock_quantity").GetInt32());
        Assert.Equal("outofstock", variation.GetProperty("stock_status").GetString());

        var tooMany = await _api.PostAsJsonAsync("products/batch", new { update = Enumerable.Range(0, 101).Select(i => new { id = i }) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
    }

    [Fact] // R-SHIP-1 (Woo): a shipping app completes the order; the webhook says so, signed with the webhook's secret
    public async Task Webhooks_are_pinged_then_delivered_signed_with_their_secret()
    {
        await using var receiver = await Receiver.StartAsync();
        await _emulator.InStoreAsync(_store, s => s.AddProduct("Candle", "CANDLE", 12m, 10, DateTime.UtcNow));
        foreach (var topic in new[] { "order.created", "order.updated" })
            Assert.Equal(HttpStatusCode.Created, (await _api.PostAsJsonAsync("webhooks", new { topic, delivery_url = receiver.Url, secret = "s3cret" })).StatusCode);
        var ping = await receiver.WaitForAsync(d => d.Body.StartsWith("webhook_id=", StringComparison.Ordinal), "the ping");
        Assert.DoesNotContain("X-WC-Webhook-Signature", ping.Headers.Keys);

        var order = await _emulator.PlaceOrderAsync(_store, new LineDraft("CANDLE", 1));
        var created = await receiver.WaitForAsync(d => d.Headers.GetValueOrDefault("X-WC-Webhook-Topic") == "order.created", "order.created");
        Assert.Equal("order", created.Headers["X-WC-Webhook-Resource"]);
        Assert.Equal("created", created.Headers["X-WC-Webhook-Event"]);
        Assert.Equal(_store.Url + "/", created.Headers["X-WC-Webhook-Source"]);
        Assert.False(string.IsNullOrEmpty(created.Headers["X-WC-Webhook-Delivery-ID"]));
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("s3cret"), Encoding.UTF8.GetBytes(created.Body)));
        Assert.Equal(expected, created.Headers["X-WC-Webhook-Signature"]);
        Assert.Equal(order.Id, JsonDocument.Parse(created.Body).RootElement.GetProperty("id").GetInt64());

        await _emulator.ShipAsync(_store, order, "1Z-WOO");
        var completed = await receiver.WaitForAsync(d => d.Headers.GetValueOrDefault("X-WC-Webhook-Topic") == "order.updated"
            && JsonDocument.Parse(d.Body).RootElement.GetProperty("status").GetString() == "completed", "order.updated, completed");
        Assert.Contains("1Z-WOO", completed.Body);
    }

    [Fact] // WooCommerce disables a webhook after five failed deliveries in a row
    public async Task A_webhook_failing_five_times_in_a_row_is_disabled()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.AnswerStatus = 500;
        await _emulator.InStoreAsync(_store, s => s.AddProduct("Candle", "CANDLE", 12m, 100, DateTime.UtcNow));
        var hook = await (await _api.PostAsJsonAsync("webhooks", new { topic = "order.created", delivery_url = receiver.Url, secret = "x" })).Content.ReadFromJsonAsync<JsonElement>();
        for (var i = 0; i < 5; i++)
            await _emulator.PlaceOrderAsync(_store, new LineDraft("CANDLE", 1));
        var id = hook.GetProperty("id").GetInt64();
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline && _emulator.Webhooks.Log.Count(l => l.WebhookId == id) < 5;)
            await Task.Delay(20);
        Assert.Equal("disabled", (await _api.GetFromJsonAsync<JsonElement>($"webhooks/{id}")).GetProperty("status").GetString());
    }

    private async Task<int> StockAsync(string path) => (await _api.GetFromJsonAsync<JsonElement>(path)).GetProperty("stock_quantity").GetInt32();
}
