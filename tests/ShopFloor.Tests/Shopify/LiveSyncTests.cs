using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Inbox;
using ShopFloor.Shopify.Sync;
using ShopFloor.Shopify.Webhooks;
using ShopFloor.ShopifyEmulator.Store;
using ShopFloor.ShopifyEmulator.Webhooks;
using ShopFloor.Tests.Infrastructure;
using static ShopFloor.Tests.Infrastructure.Orders;
using Shop = ShopFloor.Tests.Infrastructure.Shop;

namespace ShopFloor.Tests.Shopify;

/// <summary>The live sync end to end with the in-process emulator: orders in, stock out, fulfillments both ways.</summary>
public abstract class LiveSyncTests(ShopFloorApp app)
{
    private readonly SyncedStores _stores = new(app);
    private readonly Shop _shop = new(app.Api());
    private readonly Orders _orders = new(app.Api());
    private ApiClient Api => _shop.Api;
    private EmulatedShopAccess Emulator => _stores.Emulator;

    [Fact] // R-SHIP-1, R-SYNC-1, R-SYNC-3, R-SYNC-4: the seeds' ShipStation walk, Shopify's Available right at every step
    public async Task A_shopify_order_is_made_packed_and_closed_by_shipstation_with_shopify_in_step_throughout()
    {
        var lamp = "LAMP-" + Shop.Unique();
        var store = await _stores.ActiveAsync(null, lamp);
        var wood = await _shop.MaterialAsync();
        await Api.PostAsync("/v1/bom_rows", new { product_variant_id = store.Variants[lamp], ingredient_variant_id = wood, quantity = 2 });
        await _shop.AdjustAsync(store.Warehouse, wood, 6);
        await _stores.ShopifyMatchesAsync(store, lamp, 0);

        // 1. Placed in Shopify: a sales order, open, committing three lamps nobody has made yet.
        var placed = await Emulator.OrderAsync(store, (lamp, 3));
        var sale = await _stores.AwaitSalesOrderAsync(store, placed);
        Assert.Equal("NOT_SHIPPED", sale.GetProperty("status").GetString());
        Assert.Equal(placed.Name, sale.GetProperty("order_no").GetString());
        Assert.Equal(3m, sale.GetProperty("sales_order_rows")[0].GetProperty("quantity").GetDecimal());
        Assert.Equal("NOT_AVAILABLE", await _orders.AvailabilityAsync(Id(sale)));
        await _stores.ShopifyMatchesAsync(store, lamp, -3);

        // 2. Make what is missing: a make-to-order MO from the sales row, completed.
        var making = await Api.PostAsync("/v1/manufacturing_order_make_to_order", new { sales_order_row_id = RowId(sale) });
        await Api.PatchAsync($"/v1/manufacturing_orders/{Id(making)}", new { status = "DONE" });
        Assert.Equal("IN_STOCK", await _orders.AvailabilityAsync(Id(sale)));
        await _stores.ShopifyMatchesAsync(store, lamp, 0);

        // 3. Packed in ShopFloor: stock leaves, the order stays open, Shopify is not told of a shipment.
        await _orders.FulfillAsync(Id(sale), "PACKED");
        Assert.Equal("PACKED", await _orders.StatusAsync(Id(sale)));
        await _stores.ShopifyMatchesAsync(store, lamp, 0);
        Assert.Null(await Emulator.InShopAsync(store, _ => placed.FulfillmentStatus));

        // 4. ShipStation ships through Shopify: the sales order is delivered and done, with the tracking number.
        await Emulator.ShipAsync(store, placed, "1ZSHIPSTATION");
        var delivered = await _stores.AwaitSalesOrderAsync(Id(sale), o => o.GetProperty("status").GetString() == "DELIVERED", "the order is delivered");
        Assert.Equal(new Stock(0, 0, 0, null, 0), await _shop.StockAsync(store.Variants[lamp], store.Warehouse));
        await _stores.ShopifyMatchesAsync(store, lamp, 0);
        var fulfillments = (await Api.GetAsync($"/v1/sales_order_fulfillments?sales_order_id={Id(delivered)}")).GetProperty("data");
        Assert.Equal("1ZSHIPSTATION", Assert.Single(fulfillments.EnumerateArray()).GetProperty("tracking_number").GetString());
        Assert.Contains((await Api.GetAsync("/v1/sales_orders?list=done&limit=250")).GetProperty("data").EnumerateArray(), o => Id(o) == Id(sale));
        Assert.Single(await Emulator.InShopAsync(store, _ => placed.Fulfillments.ToList())); // nothing echoed back
    }

    [Fact] // R-CON-4, R-SYNC-6: subscriptions are made on Activate and removed on Pause
    public async Task Activating_subscribes_to_the_webhooks_and_pausing_removes_them()
    {
        var store = await _stores.ActiveAsync(null, "SUB-" + Shop.Unique());
        var topics = await Emulator.InShopAsync(store, s => s.Webhooks.Select(w => w.Topic).Order().ToList());
        Assert.Equal(WebhookSubscriptions.Topics.Order(), topics);
        Assert.All(await Emulator.InShopAsync(store, s => s.Webhooks.ToList()), w => Assert.EndsWith("/webhooks/shopify", w.CallbackUrl));

        await Api.PostAsync($"/v1/shopify/stores/{store.StoreId}/pause", new { });
        Assert.Empty(await Emulator.InShopAsync(store, s => s.Webhooks.ToList()));
    }

    [Fact] // R-SYNC-1, R-CFG-3: paid only by default; unknown SKU, custom item, shipping fee, tax-inclusive prices, customer by email
    public async Task A_paid_order_imports_with_its_rows_customer_shipping_fee_and_new_products()
    {
        var (known, unknown) = ("KNOWN-" + Shop.Unique(), "NEW-" + Shop.Unique());
        var store = await _stores.ActiveAsync(new { orders_default_tax_rate = 25 }, known);
        var email = $"ada-{Shop.Unique()}@example.com";
        var customer = (await Api.PostAsync("/v1/customers", new { name = "Ada Lovelace", email })).GetProperty("id").GetInt64();
        var newProduct = await Emulator.InShopAsync(store, s =>
        {
            var product = new ShopProduct { Id = s.NextId(), Title = "Vase", CreatedAt = Emulator.Now, UpdatedAt = Emulator.Now };
            s.Products.Add(product);
            return s.AddVariant(product, unknown, 50m, "Blue", Emulator.Now);
        });
        var shopper = await Emulator.InShopAsync(store, s => app.Emulator.Orders.AddCustomer(s, "Ada", "L.", email.ToUpperInvariant(), null, Emulator.Now));

        var pending = await Emulator.PlaceAsync(store, new OrderDraft(
            [new LineDraft(store.Variant(known), null, null, 2, 12.5m), new LineDraft(newProduct, null, null, 1, 50m), new LineDraft(null, "Gift wrap", null, 1, 5m)],
            FinancialStatus: "pending", Customer: shopper, Shipping: [("Standard", 10m)], TaxesIncluded: true));
        await _stores.WebhookProcessedAsync(store, "orders/create", pending);
        Assert.Null(await _stores.SalesOrderOfAsync(store, pending)); // payment pending: not imported by default

        await Emulator.InShopAsync(store, s => { app.Emulator.Orders.MarkPaid(s, pending, Emulator.Now); return true; });
        var sale = await _stores.AwaitSalesOrderAsync(store, pending);
        Assert.Equal(customer, sale.GetProperty("customer_id").GetInt64());
        var rows = sale.GetProperty("sales_order_rows").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count); // the shipping fee is the order's shipping_fee, as in Katana
        Assert.Equal("10", rows[0].GetProperty("price_per_unit").GetString()); // 12.50 / 1.25
        var vase = (await Api.GetAsync($"/v1/variants?sku={unknown}")).GetProperty("data")[0];
        Assert.Equal(vase.GetProperty("id").GetInt64(), rows[1].GetProperty("variant_id").GetInt64());
        Assert.False(rows[2].TryGetProperty("variant_id", out _)); // a custom row
        Assert.Equal("Gift wrap", rows[2].GetProperty("description").GetString());
        Assert.Equal("8", sale.GetProperty("shipping_fee").GetProperty("amount").GetString());
        Assert.All(rows.Take(2), r => Assert.Equal(store.Warehouse, r.GetProperty("location_id").GetInt64()));

        // The new product got a SKU mapping, so its stock syncs: committed 1, so Available -1.
        await _stores.ShopifyMatchesAsync(store with { Variants = new Dictionary<string, long> { [unknown] = vase.GetProperty("id").GetInt64() } }, unknown, -1);
    }

    [Fact] // R-SYNC-2: rows added, quantities changed, cancellation — commitments and Shopify follow
    public async Task Edits_and_cancellation_in_shopify_change_the_sales_order()
    {
        var (mug, cup) = ("MUG-" + Shop.Unique(), "CUP-" + Shop.Unique());
        var store = await _stores.ActiveAsync(null, mug, cup);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[mug], 10);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[cup], 10);
        var placed = await Emulator.OrderAsync(store, (mug, 2));
        var sale = await _stores.AwaitSalesOrderAsync(store, placed);

        await Emulator.InShopAsync(store, s =>
        {
            var edit = new ShopOrderEdit { Id = s.NextId(), Order = placed };
            edit.NewQuantities[placed.LineItems[0].Id] = 5;
            edit.Added.Add((s.NextId(), store.Variant(cup), 3, null));
            app.Emulator.Changes.CommitEdit(s, edit, Emulator.Now);
            return true;
        });
        var edited = await _stores.AwaitSalesOrderAsync(Id(sale), o => o.GetProperty("sales_order_rows").GetArrayLength() == 2, "the edit arrives");
        Assert.Equal(5m, edited.GetProperty("sales_order_rows")[0].GetProperty("quantity").GetDecimal());
        Assert.Equal(3m, edited.GetProperty("sales_order_rows")[1].GetProperty("quantity").GetDecimal());
        await _stores.ShopifyMatchesAsync(store, mug, 5);
        await _stores.ShopifyMatchesAsync(store, cup, 7);

        await Emulator.InShopAsync(store, s => { app.Emulator.Orders.Cancel(s, placed, "CUSTOMER", restock: true, Emulator.Now); return true; });
        await _stores.AwaitSalesOrderAsync(Id(sale), o => o.GetProperty("status").GetString() == "CANCELLED", "the cancellation arrives");
        await _stores.ShopifyMatchesAsync(store, mug, 10);
        await _stores.ShopifyMatchesAsync(store, cup, 10);
    }

    [Fact] // R-SYNC-3: delivering in ShopFloor fulfills the Shopify order, once, with tracking
    public async Task Delivering_in_shopfloor_fulfills_the_order_in_shopify_without_an_echo()
    {
        var bowl = "BOWL-" + Shop.Unique();
        var store = await _stores.ActiveAsync(null, bowl);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[bowl], 5);
        var placed = await Emulator.OrderAsync(store, (bowl, 2));
        var sale = await _stores.AwaitSalesOrderAsync(store, placed);

        await Api.PostAsync("/v1/sales_order_fulfillments", new
        {
            sales_order_id = Id(sale), status = "DELIVERED", tracking_number = "TRACK-1", tracking_carrier = "DHL",
        });
        await Eventually.TrueAsync(() => Emulator.InShopAsync(store, _ => placed.FulfillmentStatus == "fulfilled"), "Shopify's order is fulfilled");
        var shipped = Assert.Single(await Emulator.InShopAsync(store, _ => placed.Fulfillments.ToList()));
        Assert.Equal("TRACK-1", shipped.TrackingNumber);
        // Shopify's fulfillment webhook comes back: it must be recognised, not delivered again.
        await _stores.WebhookProcessedAsync(store, "fulfillments/create", placed);
        var fulfillments = (await Api.GetAsync($"/v1/sales_order_fulfillments?sales_order_id={Id(sale)}")).GetProperty("data");
        Assert.Single(fulfillments.EnumerateArray());
        Assert.Equal(new Stock(3, 0, 0, null, 3), await _shop.StockAsync(store.Variants[bowl], store.Warehouse));
        await _stores.ShopifyMatchesAsync(store, bowl, 3);
    }

    [Fact] // R-SYNC-3: a partial shipment in Shopify delivers only its rows
    public async Task A_partial_fulfillment_in_shopify_delivers_only_what_shipped()
    {
        var (plate, fork) = ("PLATE-" + Shop.Unique(), "FORK-" + Shop.Unique());
        var store = await _stores.ActiveAsync(null, plate, fork);
        var placed = await Emulator.OrderAsync(store, (plate, 2), (fork, 4));
        var sale = await _stores.AwaitSalesOrderAsync(store, placed);
        await Emulator.InShopAsync(store, s =>
        {
            var fulfillmentOrder = placed.FulfillmentOrders[0];
            app.Emulator.Orders.Fulfill(s, [(fulfillmentOrder, [(fulfillmentOrder.LineItems[0], 1)])], "UPS", "PART-1", null, Emulator.Now);
            return true;
        });
        var partial = await _stores.AwaitSalesOrderAsync(Id(sale), o => o.GetProperty("status").GetString() == "PARTIALLY_DELIVERED", "the partial shipment arrives");
        Assert.Equal(1m, partial.GetProperty("sales_order_rows")[0].GetProperty("delivered_quantity").GetDecimal());
        Assert.Equal(0m, partial.GetProperty("sales_order_rows")[1].GetProperty("delivered_quantity").GetDecimal());
    }

    [Fact] // R-SYNC-1: an imported order deleted in ShopFloor is never imported again
    public async Task An_order_deleted_in_shopfloor_is_not_imported_again()
    {
        var cap = "CAP-" + Shop.Unique();
        var store = await _stores.ActiveAsync(null, cap);
        var placed = await Emulator.OrderAsync(store, (cap, 1));
        var sale = await _stores.AwaitSalesOrderAsync(store, placed);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.SendAsync(HttpMethod.Delete, $"/v1/sales_orders/{Id(sale)}")).StatusCode);

        await Emulator.InShopAsync(store, s => { app.Emulator.Orders.Close(s, placed, Emulator.Now); return true; });
        await Api.PostAsync($"/v1/shopify/stores/{store.StoreId}/imports", new { type = "orders" });
        await _stores.JobsDoneAsync(store.StoreId);
        await Eventually.TrueAsync(async () => !await app.WithDbAsync(db => db.Set<InboxDelivery>().AnyAsync(d => d.StoreKey == store.Shop.Domain && d.Status == DeliveryStatus.Pending)),
            "the webhooks are processed");
        Assert.Null(await _stores.SalesOrderOfAsync(store, placed));
    }

    [Fact] // R-SYNC-6: duplicated, reordered and late deliveries — every order exactly once, latest state applied
    public async Task Duplicated_reordered_and_late_webhooks_leave_each_order_once_in_its_latest_state()
    {
        var pot = "POT-" + Shop.Unique();
        var store = await _stores.ActiveAsync(null, pot);
        store.Shop.Faults.DuplicateWebhooks = true;
        store.Shop.Faults.HoldWebhooks = true;
        var placed = new List<ShopOrder>();
        for (var i = 0; i < 5; i++)
            placed.Add(await Emulator.OrderAsync(store, (pot, 1)));
        await Emulator.InShopAsync(store, s =>
        {
            var edit = new ShopOrderEdit { Id = s.NextId(), Order = placed[0] };
            edit.NewQuantities[placed[0].LineItems[0].Id] = 3;
            app.Emulator.Changes.CommitEdit(s, edit, Emulator.Now);
            return true;
        });
        store.Shop.Faults.HoldWebhooks = false;
        Assert.True(app.Emulator.Webhooks.Release(store.Shop) > 0); // newest first: the edit before the creation

        foreach (var order in placed)
            await _stores.AwaitSalesOrderAsync(store, order);
        var first = await _stores.AwaitSalesOrderAsync(store, placed[0]);
        Assert.Equal(3m, first.GetProperty("sales_order_rows")[0].GetProperty("quantity").GetDecimal());
        foreach (var order in placed)
            await _stores.WebhookProcessedAsync(store, "orders/create", order);
        await _stores.WebhookProcessedAsync(store, "orders/updated", placed[0]);
        var count = await app.WithDbAsync(db => db.Set<Core.Sales.SalesOrder>().CountAsync(o => o.StoreId == store.StoreId));
        Assert.Equal(5, count);
        await _stores.ShopifyMatchesAsync(store, pot, -7);
    }

    [Fact] // R-SYNC-6: a forged delivery is refused and stores nothing; a repeated one is stored once
    public async Task A_forged_webhook_stores_nothing_and_a_repeated_one_is_stored_once()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":1,"updated_at":"2026-01-01T00:00:00Z"}""");
        var webhookId = Guid.NewGuid().ToString();
        HttpRequestMessage Delivery(string secret)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/shopify") { Content = new ByteArrayContent(body) };
            request.Headers.Add("X-Shopify-Topic", "orders/updated");
            request.Headers.Add("X-Shopify-Shop-Domain", "nobody.myshopify.com");
            request.Headers.Add("X-Shopify-Webhook-Id", webhookId);
            request.Headers.Add("X-Shopify-Hmac-Sha256", WebhookSignature.Sign(secret, body));
            return request;
        }
        var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(Delivery("forged-secret"))).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<InboxDelivery>().AnyAsync(d => d.WebhookId == webhookId)));

        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Delivery(app.Emulator.Shops.ApiSecret))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(Delivery(app.Emulator.Shops.ApiSecret))).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<InboxDelivery>().CountAsync(d => d.WebhookId == webhookId)));
        await Eventually.TrueAsync(() => app.WithDbAsync(db => db.Set<InboxDelivery>().AnyAsync(d => d.WebhookId == webhookId && d.Status == DeliveryStatus.Skipped)),
            "a delivery for an unknown store is skipped");
    }

    [Fact] // R-SYNC-6, #12: a delivery signed by Shopify's own library (@shopify/shopify-api) is taken and applied; signed with another secret, refused
    public async Task A_webhook_signed_by_shopifys_own_library_is_accepted_and_applied()
    {
        var cup = "CUP-" + Shop.Unique();
        var store = await _stores.ActiveAsync(null, cup);
        store.Shop.Faults.HoldWebhooks = true; // only the delivery built here reaches ShopFloor
        var placed = await Emulator.OrderAsync(store, (cup, 2));
        var body = $$"""{"id":{{placed.Id}},"admin_graphql_api_id":"gid://shopify/Order/{{placed.Id}}","updated_at":"{{placed.UpdatedAt:yyyy-MM-ddTHH:mm:ssZ}}"}""";
        async Task<HttpResponseMessage> DeliverAsync(string secret, string webhookId)
        {
            var hmac = (await Oracle.ShopifyOracle.RunAsync("sign", new { secret, body })).GetProperty("hmac").GetString()!;
            var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/shopify") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            foreach (var (name, value) in new[] { ("X-Shopify-Topic", "orders/create"), ("X-Shopify-Shop-Domain", store.Shop.Domain), ("X-Shopify-Webhook-Id", webhookId),
                         ("X-Shopify-API-Version", "2026-10"), ("X-Shopify-Hmac-Sha256", hmac) })
                request.Headers.Add(name, value);
            return await app.CreateClient().SendAsync(request);
        }

        var forged = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Unauthorized, (await DeliverAsync("not-the-app-secret", forged)).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<InboxDelivery>().AnyAsync(d => d.WebhookId == forged)));

        var genuine = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(app.Emulator.Shops.ApiSecret, genuine)).StatusCode);
        await Eventually.TrueAsync(() => app.WithDbAsync(db => db.Set<InboxDelivery>().AnyAsync(d => d.WebhookId == genuine && d.Status == DeliveryStatus.Done)),
            "the delivery is processed");
        var order = await _stores.AwaitSalesOrderAsync(store, placed);
        Assert.Equal(2m, order.GetProperty("sales_order_rows")[0].GetProperty("quantity").GetDecimal());
        store.Shop.Faults.HoldWebhooks = false;
        app.Emulator.Webhooks.Release(store.Shop);
    }

    [Fact] // R-SYNC-6: webhooks that never arrive are made up for by the catch-up query
    public async Task Orders_whose_webhooks_never_arrived_are_caught_up()
    {
        var jar = "JAR-" + Shop.Unique();
        var store = await _stores.ActiveAsync(null, jar);
        store.Shop.Faults.WebhookFailShare = 1;
        var lost = await Emulator.OrderAsync(store, (jar, 2));
        await Eventually.TrueAsync(() => Task.FromResult(app.Emulator.Webhooks.Log.Any(a => a.Topic == "orders/create"
            && a.Error?.Contains("WebhookFailShare", StringComparison.Ordinal) == true)), "the store tries to send the order's webhook and drops it");
        Assert.Null(await _stores.SalesOrderOfAsync(store, lost));

        var job = await new ShopifyStores(app, Api).ImportAsync(store.StoreId, "orders");
        Assert.Equal(1, job.GetProperty("counts").GetProperty("imported").GetInt32());
        await _stores.AwaitSalesOrderAsync(store, lost);
        await _stores.ShopifyMatchesAsync(store, jar, -2);
    }

    [Fact] // R-SYNC-6: 429s, 5xx and timeouts from Shopify mid-burst — every order once, Shopify's Available equal to ShopFloor's
    public async Task Shopify_faults_during_a_burst_lose_nothing()
    {
        var (a, b) = ("FA-" + Shop.Unique(), "FB-" + Shop.Unique());
        var store = await _stores.ActiveAsync(null, a, b);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[a], 20);
        store.Shop.Faults.TooManyRequestsShare = 0.2;
        store.Shop.Faults.ServerErrorShare = 0.2;
        store.Shop.Faults.TimeoutShare = 0.03;
        var placed = new List<ShopOrder>();
        for (var i = 0; i < 8; i++)
            placed.Add(await Emulator.OrderAsync(store, (a, 1), (b, 1)));
        await _shop.AdjustAsync(store.Warehouse, store.Variants[b], 5);

        foreach (var order in placed)
            await _stores.AwaitSalesOrderAsync(store, order, seconds: 90);
        store.Shop.Faults.TooManyRequestsShare = store.Shop.Faults.ServerErrorShare = store.Shop.Faults.TimeoutShare = 0;
        Assert.Equal(8, await app.WithDbAsync(db => db.Set<Core.Sales.SalesOrder>().CountAsync(o => o.StoreId == store.StoreId)));
        await _stores.ShopifyMatchesAsync(store, a, 12, seconds: 30);
        await _stores.ShopifyMatchesAsync(store, b, -3, seconds: 30);
    }

    [Fact] // R-SYNC-4: reconciliation finds Available edited in Shopify, sets it back, and reports it
    public async Task Reconciliation_repairs_drift_and_reports_what_it_fixed()
    {
        var (vase, urn) = ("VASE-" + Shop.Unique(), "URN-" + Shop.Unique());
        var store = await _stores.ActiveAsync(null, vase, urn);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[vase], 6);
        await _stores.ShopifyMatchesAsync(store, vase, 6);
        await Emulator.InShopAsync(store, s => s.Level(store.Variant(vase).InventoryItem.Id, store.Online.Id)!.Available = 40);

        var response = await Api.SendAsync(HttpMethod.Post, $"/v1/shopify/stores/{store.StoreId}/reconcile", new { });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        await _stores.JobsDoneAsync(store.StoreId);
        var job = await Api.GetAsync($"/v1/shopify/stores/{store.StoreId}/imports/{Id(started)}");
        Assert.Equal("SUCCEEDED", job.GetProperty("status").GetString());
        Assert.Equal(2, job.GetProperty("counts").GetProperty("checked").GetInt32());
        Assert.Equal(1, job.GetProperty("counts").GetProperty("fixed").GetInt32());
        Assert.Equal(6, await _stores.AvailableInShopifyAsync(store, vase));
        Assert.Contains(await _stores.SyncLogAsync(store.StoreId, "&subject=reconcile"), e => e.GetProperty("message").GetString()!.Contains("fixed 1"));
    }

    [Fact] // R-SYNC-4: every store selling the SKU gets the value; kits send their potential; a burst goes out as few writes
    public async Task Stock_reaches_every_store_with_the_sku_kits_included_in_few_writes()
    {
        var (kit, part) = ("KIT-" + Shop.Unique(), "PART-" + Shop.Unique());
        var kitVariant = await _shop.ProductAsync(kit, isKit: true);
        var first = await _stores.ActiveAsync(null, kit, part);
        var second = await _stores.ActiveAsync(null, first.Warehouse, part);
        await Api.PostAsync("/v1/bom_rows", new { product_variant_id = kitVariant, ingredient_variant_id = first.Variants[part], quantity = 2 });

        for (var i = 0; i < 10; i++)
            await _shop.AdjustAsync(first.Warehouse, first.Variants[part], 1);
        await _stores.ShopifyMatchesAsync(first, part, 10);
        await _stores.ShopifyMatchesAsync(second, part, 10);
        await Eventually.TrueAsync(async () => await _stores.AvailableInShopifyAsync(first, kit) == 5, "the kit's potential (10 parts / 2) reaches Shopify");
        var writes = (await _stores.SyncLogAsync(first.StoreId, "&subject=stock")).Count;
        Assert.InRange(writes, 1, 6); // ten changes, coalesced
    }

    [Fact] // R-SYNC-4, sync log: an order from a Shopify location nobody mapped waits for the merchant, visibly
    public async Task An_order_from_an_unmapped_location_is_logged_as_needing_action()
    {
        var tray = "TRAY-" + Shop.Unique();
        var store = await _stores.ActiveAsync(null, tray);
        var popUp = await app.Emulator.InShopAsync(store.Shop, s => s.AddLocation("Pop-up", Emulator.Now));
        var placed = await Emulator.PlaceAsync(store, new OrderDraft([new LineDraft(store.Variant(tray), null, null, 1, null)], Location: popUp));
        var entry = await Eventually.ElementAsync(async () => (await _stores.SyncLogAsync(store.StoreId, "&needs_action=true")).Cast<System.Text.Json.JsonElement?>().FirstOrDefault(),
            "the failure is logged");
        Assert.Contains("not mapped", entry.GetProperty("message").GetString());
        Assert.Equal("NEEDS_ACTION", entry.GetProperty("outcome").GetString());
        Assert.Null(await _stores.SalesOrderOfAsync(store, placed));
    }

    [Fact] // R-SYNC-5: a return marked Returned in ShopFloor restocks and closes the return in Shopify
    public async Task Marking_a_shopify_return_returned_restocks_and_closes_it_in_shopify()
    {
        var scarf = "SCARF-" + Shop.Unique();
        var (store, shopReturn, salesReturn) = await ReturnedInShopifyAsync(scarf, stock: 2, ordered: 2, returned: 2, "SIZE_TOO_SMALL");

        await Api.PatchAsync($"/v1/sales_returns/{Id(salesReturn)}", new { status = "RETURNED" });
        Assert.Equal(2m, (await _shop.StockAsync(store.Variants[scarf], store.Warehouse)).InStock);
        await Eventually.TrueAsync(() => Emulator.InShopAsync(store, _ => shopReturn.Status == "CLOSED"), "the return is closed in Shopify");
        await _stores.ShopifyMatchesAsync(store, scarf, 2);
    }

    [Fact] // R-SYNC-5: a Shopify return becomes a return order; processed in Shopify, it restocks
    public async Task A_shopify_return_becomes_a_return_order_that_restocks_when_processed()
    {
        var hat = "HAT-" + Shop.Unique();
        var (store, shopReturn, salesReturn) = await ReturnedInShopifyAsync(hat, stock: 3, ordered: 2, returned: 1, "DEFECTIVE");
        Assert.Equal("NOT_RETURNED", salesReturn.GetProperty("status").GetString());
        Assert.Equal("defective", salesReturn.GetProperty("sales_return_rows")[0].GetProperty("reason").GetString());

        await Emulator.InShopAsync(store, s => { app.Emulator.Changes.ProcessReturn(s, shopReturn, [(shopReturn.Lines[0].Id, 1, store.Online)], Emulator.Now); return true; });
        await Eventually.TrueAsync(async () => (await _shop.StockAsync(store.Variants[hat], store.Warehouse)).InStock == 2m, "the returned hat is back in stock");
        await _stores.ShopifyMatchesAsync(store, hat, 2);
    }

    [Fact] // #13, R-SYNC-5: a return changed in Shopify after approval (a unit taken off it) changes the return order; processing then restocks what came back
    public async Task A_shopify_return_changed_after_approval_changes_the_return_order()
    {
        var jar = "JAR-" + Shop.Unique();
        var (store, shopReturn, salesReturn) = await ReturnedInShopifyAsync(jar, stock: 5, ordered: 3, returned: 3, "DEFECTIVE");
        await _stores.Emulator.AdminAsync(store, """
            mutation($id: ID!, $lines: [ReturnLineItemRemoveFromReturnInput!]) { removeFromReturn(returnId: $id, returnLineItems: $lines) { userErrors { message } } }
            """, new { id = $"gid://shopify/Return/{shopReturn.Id}", lines = new[] { new { returnLineItemId = $"gid://shopify/ReturnLineItem/{shopReturn.Lines[0].Id}", quantity = 1 } } });

        await Eventually.TrueAsync(async () => (await Api.GetAsync($"/v1/sales_returns/{Id(salesReturn)}")).GetProperty("sales_return_rows")
            .EnumerateArray().Sum(r => decimal.Parse(r.GetProperty("quantity").GetString()!, System.Globalization.CultureInfo.InvariantCulture)) == 2m, "the return order takes back 2, not 3", explain: () => _stores.DiagnoseAsync(store));
        await Emulator.InShopAsync(store, s => { app.Emulator.Changes.ProcessReturn(s, shopReturn, [(shopReturn.Lines[0].Id, 2, store.Online)], Emulator.Now); return true; });
        await Eventually.TrueAsync(async () => (await Api.GetAsync($"/v1/sales_returns/{Id(salesReturn)}")).GetProperty("status").GetString() == "RESTOCKED_ALL",
            "the return order is marked returned");
        Assert.Equal(4m, (await _shop.StockAsync(store.Variants[jar], store.Warehouse)).InStock); // 5 − 3 shipped + 2 restocked
        await _stores.ShopifyMatchesAsync(store, jar, 4);
    }

    [Fact] // #13, R-SYNC-5: a return processed in Shopify without restock adds nothing; one partly restocked adds only that part
    public async Task A_shopify_return_follows_the_dispositions_restocked_or_not()
    {
        var mug = "MUG-" + Shop.Unique();
        var (store, shopReturn, salesReturn) = await ReturnedInShopifyAsync(mug, stock: 5, ordered: 3, returned: 3, "DEFECTIVE");
        await Emulator.InShopAsync(store, s =>
        {
            app.Emulator.Changes.ProcessReturn(s, shopReturn, [(shopReturn.Lines[0].Id, 1, store.Online), (shopReturn.Lines[0].Id, 2, null)], Emulator.Now);
            return true;
        });

        await Eventually.TrueAsync(async () => (await Api.GetAsync($"/v1/sales_returns/{Id(salesReturn)}")).GetProperty("status").GetString() == "RESTOCKED_ALL",
            "the return order is marked returned", explain: () => _stores.DiagnoseAsync(store));
        Assert.Equal(3m, (await _shop.StockAsync(store.Variants[mug], store.Warehouse)).InStock); // 5 − 3 shipped + 1 restocked
        await _stores.ShopifyMatchesAsync(store, mug, 3);
    }

    /// <summary>A synced store's order shipped in Shopify, then partly returned there; the return order ShopFloor made of it.</summary>
    private async Task<(SyncedStore Store, ShopReturn ShopReturn, System.Text.Json.JsonElement SalesReturn)> ReturnedInShopifyAsync(
        string sku, decimal stock, int ordered, int returned, string reason)
    {
        var store = await _stores.ActiveAsync(null, sku);
        await _shop.AdjustAsync(store.Warehouse, store.Variants[sku], stock);
        var placed = await Emulator.OrderAsync(store, (sku, ordered));
        var sale = await _stores.AwaitSalesOrderAsync(store, placed);
        await Emulator.ShipAsync(store, placed);
        await _stores.AwaitSalesOrderAsync(Id(sale), o => o.GetProperty("status").GetString() == "DELIVERED", "delivered");
        var shopReturn = await Emulator.InShopAsync(store, s =>
            app.Emulator.Changes.CreateReturn(s, placed, [(placed.Fulfillments[0].LineItems[0].Id, returned, reason, null)], Emulator.Now));
        var salesReturn = await Eventually.ElementAsync(async () => (await Api.GetAsync("/v1/sales_returns?limit=250")).GetProperty("data")
            .EnumerateArray().Where(r => r.GetProperty("sales_order_id").GetInt64() == Id(sale)).Cast<System.Text.Json.JsonElement?>().FirstOrDefault(),
            "the return order is created", explain: () => _stores.DiagnoseAsync(store));
        return (store, shopReturn, salesReturn);
    }
}

public sealed class LiveSyncOnSqlite(SqliteApp app) : LiveSyncTests(app), IClassFixture<SqliteApp>;

public sealed class LiveSyncOnPostgres(PostgresApp app) : LiveSyncTests(app), IClassFixture<PostgresApp>;
