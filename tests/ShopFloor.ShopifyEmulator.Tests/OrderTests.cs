using System.Net.Http.Json;
using System.Text.Json;

namespace ShopFloor.ShopifyEmulator.Tests;

/// <summary>Orders as a merchant's tools and shoppers make them, and as a shipping app fulfills them.</summary>
public sealed class OrderTests : IAsyncLifetime
{
    private EmulatorServer _emulator = null!;
    private WebhookReceiver _receiver = null!;
    private AdminApi _api = null!;
    private string _location = "";
    private string _item = "";
    private string _variant = "";

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync();
        _receiver = await WebhookReceiver.StartAsync();
        _api = new AdminApi(_emulator.AdminClient());
        _location = await _api.LocationAsync("Warehouse");
        _item = (await _api.ProductAsync("Lamp", "LAMP-1"))[0];
        _variant = (await _api.DataAsync("{ productVariants(first: 1, query: \"sku:LAMP-1\") { nodes { id } } }"))
            .GetProperty("productVariants").GetProperty("nodes")[0].GetProperty("id").GetString()!;
        await _api.SetAvailableAsync(new { inventoryItemId = _item, locationId = _location, quantity = 10, changeFromQuantity = (int?)null });
        foreach (var topic in new[] { "ORDERS_CREATE", "ORDERS_PAID", "ORDERS_FULFILLED", "ORDERS_PARTIALLY_FULFILLED", "ORDERS_CANCELLED", "FULFILLMENTS_CREATE" })
            await _api.DataAsync($"mutation($uri: String!) {{ webhookSubscriptionCreate(topic: {topic}, webhookSubscription: {{uri: $uri}}) {{ userErrors {{ message }} }} }}", new { uri = _receiver.Url });
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private async Task<JsonElement> CreateOrderAsync(int quantity, string behaviour = "DECREMENT_IGNORING_POLICY") =>
        (await _api.DataAsync("""
            mutation($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
              orderCreate(order: $order, options: $options) {
                order { id name displayFinancialStatus displayFulfillmentStatus
                  fulfillmentOrders(first: 5) { nodes { id status assignedLocation { location { id } } lineItems(first: 10) { nodes { id remainingQuantity } } } } }
                userErrors { field message }
              }
            }
            """, new
        {
            order = new
            {
                financialStatus = "PAID", email = "ada@example.com",
                customer = new { toUpsert = new { email = "ada@example.com", firstName = "Ada", lastName = "Lovelace" } },
                lineItems = new object[]
                {
                    new { variantId = _variant, quantity },
                    new { title = "Gift wrapping", quantity = 1, priceSet = new { shopMoney = new { amount = "2.50", currencyCode = "USD" } } },
                },
                shippingLines = new[] { new { title = "Standard", priceSet = new { shopMoney = new { amount = "4.95", currencyCode = "USD" } } } },
            },
            options = new { inventoryBehaviour = behaviour },
        })).GetProperty("orderCreate").GetProperty("order");

    private async Task<(int Available, int OnHand)> LevelAsync()
    {
        var quantities = (await _api.DataAsync("""
            query($item: ID!, $location: ID!) { inventoryItem(id: $item) { inventoryLevel(locationId: $location) { quantities(names: ["available", "on_hand"]) { name quantity } } } }
            """, new { item = _item, location = _location })).GetProperty("inventoryItem").GetProperty("inventoryLevel").GetProperty("quantities");
        int Get(string name) => quantities.EnumerateArray().First(q => q.GetProperty("name").GetString() == name).GetProperty("quantity").GetInt32();
        return (Get("available"), Get("on_hand"));
    }

    [Fact] // an order commits stock: Available goes down, On hand stays
    public async Task A_paid_order_gets_a_fulfillment_order_and_commits_stock()
    {
        var order = await CreateOrderAsync(3);
        Assert.Equal("PAID", order.GetProperty("displayFinancialStatus").GetString());
        var fulfillmentOrder = order.GetProperty("fulfillmentOrders").GetProperty("nodes")[0];
        Assert.Equal(_location, fulfillmentOrder.GetProperty("assignedLocation").GetProperty("location").GetProperty("id").GetString());
        Assert.Equal((7, 10), await LevelAsync());

        var topics = (await _receiver.WaitForAsync(2)).Select(w => w.Headers["X-Shopify-Topic"]).ToList();
        Assert.Contains("orders/create", topics);
        Assert.Contains("orders/paid", topics);
    }

    [Fact] // payloads carry the fields real ones do (fixtures/shopify/legacy-rest/order.json)
    public async Task The_order_webhook_has_the_fields_of_a_real_order()
    {
        await CreateOrderAsync(1);
        var created = await _receiver.WaitForTopicAsync("orders/create"); // orders/paid may come first
        var payload = JsonDocument.Parse(created.Body).RootElement;
        var fixture = JsonDocument.Parse(await File.ReadAllTextAsync(Fixtures.Path("order.json"))).RootElement.GetProperty("order");
        Fixtures.AssertSameShape(fixture, payload, "id", "name", "email", "created_at", "updated_at", "cancelled_at", "closed_at", "financial_status",
            "fulfillment_status", "currency", "total_price", "subtotal_price", "taxes_included", "line_items", "shipping_lines", "customer", "fulfillments", "note");
        Fixtures.AssertSameShape(fixture.GetProperty("line_items")[0], payload.GetProperty("line_items")[0],
            "id", "variant_id", "product_id", "sku", "title", "quantity", "price", "requires_shipping", "fulfillment_status", "name");
        var custom = payload.GetProperty("line_items")[1];
        Assert.Equal(JsonValueKind.Null, custom.GetProperty("variant_id").ValueKind); // custom items: no variant, product or sku
        Assert.Equal(JsonValueKind.Null, custom.GetProperty("sku").ValueKind);
        Assert.Equal("4.95", payload.GetProperty("shipping_lines")[0].GetProperty("price").GetString());
        Assert.Equal("ada@example.com", payload.GetProperty("customer").GetProperty("email").GetString());
    }

    [Fact] // fulfilling takes the goods: On hand down, Available unchanged; orders/fulfilled when complete
    public async Task Fulfilling_through_fulfillment_orders_closes_them_and_the_order()
    {
        var order = await CreateOrderAsync(3);
        var fulfillmentOrder = order.GetProperty("fulfillmentOrders").GetProperty("nodes")[0];
        var lampLine = fulfillmentOrder.GetProperty("lineItems").GetProperty("nodes")[0].GetProperty("id").GetString();

        var partial = await _api.DataAsync("""
            mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { id status trackingInfo { number company } } userErrors { message } } }
            """, new
        {
            f = new
            {
                lineItemsByFulfillmentOrder = new[] { new { fulfillmentOrderId = fulfillmentOrder.GetProperty("id").GetString(), fulfillmentOrderLineItems = new[] { new { id = lampLine, quantity = 1 } } } },
                trackingInfo = new { company = "UPS", number = "1Z999" },
            },
        });
        Assert.Equal("1Z999", partial.GetProperty("fulfillmentCreate").GetProperty("fulfillment").GetProperty("trackingInfo")[0].GetProperty("number").GetString());
        Assert.Equal((7, 9), await LevelAsync());

        var orderId = order.GetProperty("id").GetString();
        var shipped = await new HttpClient { BaseAddress = _emulator.BaseAddress }
            .PostAsJsonAsync($"/_emulator/shops/{_emulator.DefaultShop.Domain}/orders/{Uri.EscapeDataString(orderId!)}/ship", new { tracking_number = "1Z1000" });
        Assert.True(shipped.IsSuccessStatusCode, await shipped.Content.ReadAsStringAsync());
        var read = (await _api.DataAsync("query($id: ID!) { order(id: $id) { displayFulfillmentStatus fulfillmentOrders(first: 5) { nodes { status } } } }", new { id = orderId })).GetProperty("order");
        Assert.Equal("FULFILLED", read.GetProperty("displayFulfillmentStatus").GetString());
        Assert.Equal("CLOSED", read.GetProperty("fulfillmentOrders").GetProperty("nodes")[0].GetProperty("status").GetString());
        Assert.Equal((7, 7), await LevelAsync());

        var topics = (await _receiver.WaitForAsync(6)).Select(w => w.Headers["X-Shopify-Topic"]).ToList();
        Assert.Contains("orders/partially_fulfilled", topics);
        Assert.Contains("orders/fulfilled", topics);
        Assert.Equal(2, topics.Count(t => t == "fulfillments/create"));
    }

    [Fact]
    public async Task Cancelling_with_restock_releases_the_committed_stock()
    {
        var order = await CreateOrderAsync(4);
        var result = await _api.DataAsync("""
            mutation($id: ID!) { orderCancel(orderId: $id, reason: CUSTOMER, restock: true) { job { done } orderCancelUserErrors { message } } }
            """, new { id = order.GetProperty("id").GetString() });
        Assert.Empty(result.GetProperty("orderCancel").GetProperty("orderCancelUserErrors").EnumerateArray());
        Assert.Equal((10, 10), await LevelAsync());
        var read = (await _api.DataAsync("query($id: ID!) { order(id: $id) { cancelledAt cancelReason closed } }", new { id = order.GetProperty("id").GetString() })).GetProperty("order");
        Assert.Equal("CUSTOMER", read.GetProperty("cancelReason").GetString());
        Assert.True(read.GetProperty("closed").GetBoolean());
    }

    [Fact]
    public async Task Closing_archives_and_the_updated_at_search_finds_changed_orders()
    {
        var before = DateTime.UtcNow.AddSeconds(-1).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var order = await CreateOrderAsync(1, behaviour: "BYPASS");
        Assert.Equal((10, 10), await LevelAsync()); // BYPASS leaves inventory alone
        await _api.DataAsync("mutation($id: ID!) { orderClose(input: {id: $id}) { order { closed } userErrors { message } } }", new { id = order.GetProperty("id").GetString() });
        var found = await _api.DataAsync("query($q: String) { orders(first: 10, query: $q) { nodes { id closed } } }", new { q = $"updated_at:>={before}" });
        var node = found.GetProperty("orders").GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == order.GetProperty("id").GetString());
        Assert.True(node.GetProperty("closed").GetBoolean());
        var none = await _api.DataAsync("query($q: String) { orders(first: 10, query: $q) { nodes { id } } }", new { q = "updated_at:>=2099-01-01T00:00:00Z" });
        Assert.Empty(none.GetProperty("orders").GetProperty("nodes").EnumerateArray());
    }

    [Fact] // the control API's storefront: a shopper checks out by SKU, and the order commits stock
    public async Task A_storefront_checkout_by_sku_places_a_committing_order()
    {
        var control = new HttpClient { BaseAddress = _emulator.BaseAddress };
        var response = await control.PostAsJsonAsync($"/_emulator/shops/{_emulator.DefaultShop.Domain}/orders", new
        {
            line_items = new object[] { new { sku = "LAMP-1", quantity = 2 }, new { title = "Engraving", quantity = 1, price = 5 } },
            customer = new { first_name = "Grace", last_name = "Hopper", email = "grace@example.com" },
            shipping_lines = new[] { new { title = "Express", price = 9.5 } },
        });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        Assert.Equal("#1001", body.GetProperty("name").GetString());
        Assert.Equal((8, 10), await LevelAsync());

        var unknown = await control.PostAsJsonAsync($"/_emulator/shops/{_emulator.DefaultShop.Domain}/orders", new { line_items = new[] { new { sku = "NOPE", quantity = 1 } } });
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
    }

    [Fact]
    public async Task Customers_are_created_once_and_found_by_email()
    {
        await CreateOrderAsync(1);
        await CreateOrderAsync(1);
        var found = await _api.DataAsync("{ customers(first: 10, query: \"email:ada@example.com\") { nodes { id firstName lastName email } } }");
        var customer = found.GetProperty("customers").GetProperty("nodes").EnumerateArray().Single();
        Assert.Equal("Lovelace", customer.GetProperty("lastName").GetString());
    }

    [Fact] // orderCreate's discountCode, taxLines, properties, addresses and tags, read back as the 2026-10 schema names them
    public async Task An_order_created_with_a_discount_and_taxes_answers_what_the_buyer_paid()
    {
        var order = (await _api.DataAsync("""
            mutation($order: OrderCreateOrderInput!) {
              orderCreate(order: $order) {
                order {
                  tags discountCode shippingAddress { address1 city countryCodeV2 }
                  lineItems(first: 5) { nodes { discountedUnitPriceAfterAllDiscountsSet { shopMoney { amount } } taxLines(first: 5) { ratePercentage } customAttributes { key value } } }
                  shippingLines(first: 1) { nodes { discountedPriceSet { shopMoney { amount } } } }
                }
                userErrors { message }
              }
            }
            """, new
        {
            order = new
            {
                lineItems = new[] { new { variantId = _variant, quantity = 2, priceSet = new { shopMoney = new { amount = "40.00", currencyCode = "USD" } },
                    taxLines = new[] { new { title = "State", rate = 0.06m }, new { title = "County", rate = 0.0125m } }, properties = new[] { new { name = "Colour", value = "Teal" } } } },
                shippingLines = new[] { new { title = "Ground", priceSet = new { shopMoney = new { amount = "6.00", currencyCode = "USD" } } } },
                discountCode = new { itemPercentageDiscountCode = new { code = "SPRING25", percentage = 25.0 } },
                shippingAddress = new { address1 = "1 Main St", city = "Albany", countryCode = "US" },
                tags = new[] { "wholesale" },
            },
        })).GetProperty("orderCreate").GetProperty("order");

        var line = order.GetProperty("lineItems").GetProperty("nodes")[0];
        Assert.Equal("30.00", line.GetProperty("discountedUnitPriceAfterAllDiscountsSet").GetProperty("shopMoney").GetProperty("amount").GetString());
        Assert.Equal([6.0, 1.25], line.GetProperty("taxLines").EnumerateArray().Select(t => Math.Round(t.GetProperty("ratePercentage").GetDouble(), 4)));
        Assert.Equal("Teal", line.GetProperty("customAttributes")[0].GetProperty("value").GetString());
        Assert.Equal("6.00", order.GetProperty("shippingLines").GetProperty("nodes")[0].GetProperty("discountedPriceSet").GetProperty("shopMoney").GetProperty("amount").GetString());
        Assert.Equal(("SPRING25", "wholesale", "Albany"), (order.GetProperty("discountCode").GetString(), order.GetProperty("tags")[0].GetString(),
            order.GetProperty("shippingAddress").GetProperty("city").GetString()));
    }
}
