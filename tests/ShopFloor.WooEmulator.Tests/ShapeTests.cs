using System.Net.Http.Json;
using System.Text.Json;
using ShopFloor.WooEmulator.Store;

namespace ShopFloor.WooEmulator.Tests;

/// <summary>
/// The emulator's JSON against WooCommerce's own published examples (WooFixtures, see PROVENANCE.md): every field
/// the documentation shows is there, with the same JSON type (a field the example has as null may hold a value).
/// </summary>
public sealed class ShapeTests : IAsyncLifetime
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

    [Fact]
    public async Task A_product_a_variation_an_order_a_refund_a_customer_and_a_webhook_have_the_documented_fields()
    {
        var (simple, variation) = await _emulator.InStoreAsync(_store, s =>
        {
            var simple = s.AddProduct("Candle", "CANDLE-1", 12m, 5, DateTime.UtcNow);
            var shirt = s.AddProduct("Shirt", "", 20m, null, DateTime.UtcNow);
            return (simple, s.AddVariation(shirt, "Blue", "SHIRT-BLUE", 20m, 3, DateTime.UtcNow));
        });
        var order = await _emulator.PlaceOrderAsync(_store, new LineDraft("CANDLE-1", 1), new LineDraft("SHIRT-BLUE", 1));

        AssertShape("product.json", await _api.GetFromJsonAsync<JsonElement>($"products/{simple.Id}"));
        AssertShape("variation.json", (await _api.GetFromJsonAsync<JsonElement>($"products/{variation.Parent.Id}/variations"))[0]);
        AssertShape("order.json", await _api.GetFromJsonAsync<JsonElement>($"orders/{order.Id}"));
        var refund = await _api.PostAsJsonAsync($"orders/{order.Id}/refunds", new { amount = "12.00", line_items = new[] { new { id = order.LineItems[0].Id, quantity = 1 } } });
        AssertShape("refund.json", await refund.Content.ReadFromJsonAsync<JsonElement>());
        var listed = Assert.Single((await _api.GetFromJsonAsync<JsonElement>($"orders/{order.Id}/refunds")).EnumerateArray());
        AssertShape("refund-with-lines.json", listed);
        AssertShape("refund-with-lines.json", listed.GetProperty("line_items")[0], "line_items");
        var customer = await _emulator.InStoreAsync(_store, s => s.AddCustomer("john.doe@example.com", "John", "Doe", DateTime.UtcNow));
        AssertShape("customer.json", await _api.GetFromJsonAsync<JsonElement>($"customers/{customer.Id}"));
        AssertShape("customer.json", (await _api.GetFromJsonAsync<JsonElement>("customers?email=JOHN.DOE@example.com"))[0]);
        var webhook = await _api.PostAsJsonAsync("webhooks", new { name = "Order updated", topic = "order.updated", delivery_url = "http://127.0.0.1:9/hook" });
        AssertShape("webhook.json", await webhook.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <param name="within">An array field of the fixture whose first element is the shape to hold to.</param>
    private static void AssertShape(string fixture, JsonElement actual, string? within = null)
    {
        var documented = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "WooFixtures", fixture))).RootElement;
        if (within is not null)
            documented = documented.GetProperty(within)[0];
        foreach (var field in documented.EnumerateObject())
        {
            Assert.True(actual.TryGetProperty(field.Name, out var value), $"{fixture}: {field.Name} is missing");
            if (field.Value.ValueKind != JsonValueKind.Null && value.ValueKind != JsonValueKind.Null)
                Assert.True(Kind(field.Value) == Kind(value), $"{fixture}: {field.Name} is {value.ValueKind}, documented as {field.Value.ValueKind}");
        }
    }

    private static JsonValueKind Kind(JsonElement e) => e.ValueKind is JsonValueKind.False ? JsonValueKind.True : e.ValueKind;
}
