using System.Text.Json;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.Tests;

public sealed class EditAndReturnTests : IAsyncLifetime
{
    private EmulatorServer _emulator = null!;
    private WebhookReceiver _receiver = null!;
    private AdminApi _api = null!;
    private string _location = "";
    private List<string> _items = [];
    private ShopOrder _order = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync();
        _receiver = await WebhookReceiver.StartAsync();
        _api = new AdminApi(_emulator.AdminClient());
        _location = await _api.LocationAsync("Warehouse");
        _items = await _api.ProductAsync("Cup", "CUP-S", "CUP-L");
        foreach (var item in _items)
            await _api.SetAvailableAsync(new { inventoryItemId = item, locationId = _location, quantity = 10, changeFromQuantity = (int?)null });
        foreach (var topic in new[] { "ORDERS_EDITED", "ORDERS_UPDATED", "RETURNS_APPROVE", "RETURNS_PROCESS", "RETURNS_CLOSE" })
            await _api.DataAsync($"mutation($uri: String!) {{ webhookSubscriptionCreate(topic: {topic}, webhookSubscription: {{uri: $uri}}) {{ userErrors {{ message }} }} }}", new { uri = _receiver.Url });
        var shop = _emulator.DefaultShop;
        var small = shop.Variants.First(v => v.Sku == "CUP-S");
        _order = await _emulator.PlaceOrderAsync(shop, new OrderDraft([new LineDraft(small, null, null, 3, null)]));
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private Task<int> AvailableAsync(int item) => _api.AvailableAsync(_items[item], _location);

    [Fact] // R-SYNC-2's source: rows added, quantities changed, through Shopify's order editing
    public async Task An_order_edit_changes_quantities_and_adds_variants_when_committed()
    {
        var begin = await _api.DataAsync("mutation($id: ID!) { orderEditBegin(id: $id) { calculatedOrder { id lineItems(first: 5) { nodes { id quantity } } } } }",
            new { id = Gid.Of("Order", _order.Id) });
        var calculated = begin.GetProperty("orderEditBegin").GetProperty("calculatedOrder");
        var calculatedId = calculated.GetProperty("id").GetString();
        var line = calculated.GetProperty("lineItems").GetProperty("nodes")[0].GetProperty("id").GetString();

        await _api.DataAsync("mutation($id: ID!, $line: ID!) { orderEditSetQuantity(id: $id, lineItemId: $line, quantity: 1, restock: true) { calculatedOrder { id } userErrors { message } } }",
            new { id = calculatedId, line });
        var large = _emulator.DefaultShop.Variants.First(v => v.Sku == "CUP-L");
        await _api.DataAsync("mutation($id: ID!, $v: ID!) { orderEditAddVariant(id: $id, variantId: $v, quantity: 2) { calculatedOrder { id } userErrors { message } } }",
            new { id = calculatedId, v = Gid.Of("ProductVariant", large.Id) });
        Assert.Equal(7, await AvailableAsync(0)); // nothing changes before the commit

        var committed = await _api.DataAsync("mutation($id: ID!) { orderEditCommit(id: $id) { order { lineItems(first: 5) { nodes { sku currentQuantity } } } userErrors { message } } }",
            new { id = calculatedId });
        var lines = committed.GetProperty("orderEditCommit").GetProperty("order").GetProperty("lineItems").GetProperty("nodes");
        Assert.Equal([("CUP-S", 1), ("CUP-L", 2)], lines.EnumerateArray().Select(l => (l.GetProperty("sku").GetString(), l.GetProperty("currentQuantity").GetInt32())));
        Assert.Equal(9, await AvailableAsync(0));
        Assert.Equal(8, await AvailableAsync(1));
        var topics = (await _receiver.WaitForAsync(2)).Select(w => w.Headers["X-Shopify-Topic"]).ToList();
        Assert.Contains("orders/edited", topics);
        Assert.Contains("orders/updated", topics);
    }

    [Fact] // R-SYNC-1's source: a fully refunded order; cancelling unshipped units frees their stock
    public async Task Refunding_every_unit_marks_the_order_refunded_and_cancel_restocks()
    {
        const string refund = "mutation($input: RefundInput!, $key: String!) { refundCreate(input: $input) @idempotent(key: $key) { refund { id } userErrors { message } } }";
        var line = Gid.Of("LineItem", _order.LineItems[0].Id);
        var input = new { orderId = Gid.Of("Order", _order.Id), note = "out of stock", refundLineItems = new[] { new { lineItemId = line, quantity = 3, restockType = "CANCEL" } } };
        var withoutKey = await _api.SendAsync("mutation($input: RefundInput!) { refundCreate(input: $input) { refund { id } } }", new { input });
        Assert.Equal("BAD_REQUEST", withoutKey.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()); // 2026-04 on
        var result = await _api.DataAsync(refund, new { input, key = "refund-1" });
        Assert.Empty(result.GetProperty("refundCreate").GetProperty("userErrors").EnumerateArray());
        Assert.Equal(10, await AvailableAsync(0));
        var order = (await _api.DataAsync("query($id: ID!) { order(id: $id) { displayFinancialStatus } }", new { id = Gid.Of("Order", _order.Id) })).GetProperty("order");
        Assert.Equal("REFUNDED", order.GetProperty("displayFinancialStatus").GetString());

        var replayed = await _api.DataAsync(refund, new { input, key = "refund-1" });
        Assert.Equal(result.GetProperty("refundCreate").GetProperty("refund").GetProperty("id").GetString(),
            replayed.GetProperty("refundCreate").GetProperty("refund").GetProperty("id").GetString());
        var again = await _api.DataAsync(refund, new { input = new { orderId = Gid.Of("Order", _order.Id), refundLineItems = new[] { new { lineItemId = line, quantity = 1 } } }, key = "refund-2" });
        Assert.NotEmpty(again.GetProperty("refundCreate").GetProperty("userErrors").EnumerateArray());
    }

    [Fact] // R-SYNC-5's source: a return of shipped goods, processed with restock, then closed
    public async Task A_return_is_created_processed_with_restock_and_closed()
    {
        await _emulator.ShipAsync(_emulator.DefaultShop, _order, "1Z1");
        var fulfillmentLine = _order.Fulfillments[0].LineItems[0].Id;
        Assert.Equal(7, await AvailableAsync(0));

        var created = await _api.DataAsync("""
            mutation($input: ReturnInput!) { returnCreate(returnInput: $input) { return { id status returnLineItems(first: 5) { nodes { id quantity } } } userErrors { message } } }
            """, new { input = new { orderId = Gid.Of("Order", _order.Id), returnLineItems = new[] { new { fulfillmentLineItemId = Gid.Of("FulfillmentLineItem", fulfillmentLine), quantity = 2, returnReasonNote = "too small" } } } });
        var returned = created.GetProperty("returnCreate").GetProperty("return");
        Assert.Equal("OPEN", returned.GetProperty("status").GetString());

        var tooMany = await _api.DataAsync("""
            mutation($input: ReturnInput!) { returnCreate(returnInput: $input) { return { id } userErrors { message } } }
            """, new { input = new { orderId = Gid.Of("Order", _order.Id), returnLineItems = new[] { new { fulfillmentLineItemId = Gid.Of("FulfillmentLineItem", fulfillmentLine), quantity = 2 } } } });
        Assert.NotEmpty(tooMany.GetProperty("returnCreate").GetProperty("userErrors").EnumerateArray());

        var line = returned.GetProperty("returnLineItems").GetProperty("nodes")[0].GetProperty("id").GetString();
        var processed = await _api.DataAsync("""
            mutation($input: ReturnProcessInput!) { returnProcess(input: $input) { return { status } userErrors { message } } }
            """, new { input = new { returnId = returned.GetProperty("id").GetString(), returnLineItems = new[] { new { id = line, quantity = 2, dispositions = new[] { new { reverseFulfillmentOrderLineItemId = "gid://shopify/ReverseFulfillmentOrderLineItem/1", quantity = 2, locationId = _location, dispositionType = "RESTOCKED" } } } } } });
        Assert.Equal("CLOSED", processed.GetProperty("returnProcess").GetProperty("return").GetProperty("status").GetString());
        Assert.Equal(9, await AvailableAsync(0));

        // The order's own update comes too, in any order with the three return topics.
        var topics = (await _receiver.WaitForAsync(4)).Select(w => w.Headers["X-Shopify-Topic"]).ToList();
        Assert.Contains("returns/approve", topics);
        Assert.Contains("returns/process", topics);
        Assert.Contains("returns/close", topics);
        var approve = JsonDocument.Parse(_receiver.Received.First(w => w.Headers["X-Shopify-Topic"] == "returns/approve").Body).RootElement;
        // Shopify's shape (public captures of real returns/* deliveries): nested order and line item, no order_id.
        Assert.Equal(_order.Id, approve.GetProperty("order").GetProperty("id").GetInt64());
        Assert.False(approve.TryGetProperty("order_id", out _));
        var returnLine = approve.GetProperty("return_line_items")[0];
        Assert.Equal(2, returnLine.GetProperty("quantity").GetInt32());
        Assert.Equal(_order.LineItems[0].Id, returnLine.GetProperty("fulfillment_line_item").GetProperty("line_item").GetProperty("id").GetInt64());
        Assert.False(returnLine.TryGetProperty("line_item_id", out _));

        // The return read through GraphQL, with what processing did to each unit.
        var read = (await _api.DataAsync("""
            query($id: ID!) { return(id: $id) { status order { id } reverseFulfillmentOrders(first: 2) { nodes { lineItems(first: 10) { nodes {
              fulfillmentLineItem { lineItem { id } } dispositions { type quantity location { id } } } } } } } }
            """, new { id = returned.GetProperty("id").GetString() })).GetProperty("return");
        Assert.Equal(Gid.Of("Order", _order.Id), read.GetProperty("order").GetProperty("id").GetString());
        var disposition = read.GetProperty("reverseFulfillmentOrders").GetProperty("nodes")[0].GetProperty("lineItems").GetProperty("nodes")[0]
            .GetProperty("dispositions")[0];
        Assert.Equal("RESTOCKED", disposition.GetProperty("type").GetString());
        Assert.Equal(2, disposition.GetProperty("quantity").GetInt32());
    }
}
