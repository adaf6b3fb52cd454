using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Webhooks;
using ShopFloor.Tests.Api.Katana;
using ShopFloor.Tests.Infrastructure;
using static ShopFloor.Tests.Infrastructure.Orders;

namespace ShopFloor.Tests.Webhooks;

/// <summary>
/// #16: Katana's webhooks API. A merchant's integration subscribes to events and receives each one, signed with the
/// webhook's token, the moment the change commits, with Katana's retries when it does not answer; the delivery log
/// can be exported. Every body is held to Katana's WebhookEventPayload schema.
/// </summary>
public abstract class KatanaWebhooksTests(ShopFloorApp app)
{
    private readonly ApiClient _api = app.Api();

    [Fact]
    public async Task A_subscriber_receives_each_subscribed_change_signed_with_its_token_and_nothing_else()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var shop = new Shop(_api);
        var location = await shop.LocationAsync();
        var product = await shop.ProductAsync();
        await shop.AdjustAsync(location, product, 2);
        var hook = await SubscribeAsync(receiver, "sales_order.created", "sales_order.delivered", "current_inventory.product_out_of_stock");

        var order = await new Orders(_api).SalesOrderAsync(location, (product, 2));
        await new Orders(_api).FulfillAsync(Id(order), "DELIVERED");
        await new Orders(_api).PurchaseOrderAsync(location, (product, 5)); // not subscribed to

        var received = await ReceivedAsync(receiver, 3);
        var token = hook.GetProperty("token").GetString()!;
        Assert.Matches("^[0-9a-f]{16}$", token);
        foreach (var post in received)
        {
            var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), post.Body));
            Assert.Equal(expected, post.Headers["X-Sha2-Signature"]);
            Assert.False(post.Headers.ContainsKey("X-Katana-Retry-Num"));
            Assert.Empty(KatanaDescription.Instance.Errors(KatanaDescription.Instance.ComponentSchema("WebhookEventPayload"), post.Json));
            Assert.Equal(Id(hook), post.Json.GetProperty("webhook_id").GetInt64());
        }
        var actions = received.Select(p => p.Json.GetProperty("action").GetString()).Order().ToList();
        Assert.Equal(["current_inventory.product_out_of_stock", "sales_order.created", "sales_order.delivered"], actions);

        var delivered = received.Single(p => p.Json.GetProperty("action").GetString() == "sales_order.delivered").Json.GetProperty("object");
        Assert.Equal(Id(order).ToString(), delivered.GetProperty("id").GetString());
        Assert.Equal("DELIVERED", delivered.GetProperty("status").GetString());
        // The href is the record's address in this API: a script follows it with its key.
        var href = new Uri(delivered.GetProperty("href").GetString()!);
        Assert.Equal($"/v1/sales_orders/{Id(order)}", href.AbsolutePath);
        Assert.Equal("DELIVERED", (await _api.GetAsync(href.PathAndQuery)).GetProperty("status").GetString());
        var outOfStock = received.Single(p => p.Json.GetProperty("action").GetString()!.EndsWith("out_of_stock")).Json;
        Assert.Equal("current_inventory", outOfStock.GetProperty("resource_type").GetString());
        Assert.Equal(product.ToString(), outOfStock.GetProperty("object").GetProperty("id").GetString());

        // The purchase order raised nothing for this subscriber: its deliveries (written with each change) are the three it got.
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<WebhookDelivery>().CountAsync(d => d.WebhookId == Id(hook))));
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task An_endpoint_that_fails_is_retried_with_the_retry_number_and_the_log_export_tells_what_happened()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailFirst = 2;
        var hook = await SubscribeAsync(receiver, "product.created");
        var product = await _api.PostAsync("/v1/products", new { name = "Lamp " + Shop.Unique(), variants = new[] { new { sku = "L-" + Shop.Unique() } } });

        var posts = await ReceivedAsync(receiver, 3);
        Assert.Equal([500, 500, 200], posts.Select(p => p.AnsweredWith));
        Assert.Equal([null, "1", "2"], posts.Select(p => p.Headers.GetValueOrDefault("X-Katana-Retry-Num")));
        Assert.All(posts, p => Assert.Equal(Id(product).ToString(), p.Json.GetProperty("object").GetProperty("id").GetString()));
        Assert.Single(posts.Select(p => Encoding.UTF8.GetString(p.Body)).Distinct()); // the same event each time

        var export = await _api.PostAsync("/v1/webhook_logs_export", new { webhook_id = Id(hook), @event = "product.created" });
        // A pre-signed link, as Katana's: no API key needed to fetch it.
        using var anonymous = app.CreateClient();
        var csv = await Eventually.ValueAsync(async () =>
        {
            var text = await anonymous.GetStringAsync(new Uri(export.GetProperty("url").GetString()!).PathAndQuery);
            return text.Contains(",true,200,3,") ? text : null;
        }, "the export to show the delivery succeeded on the third attempt");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,webhook_id,event,resource_type,resource_id,status,delivered,status_code,attempts,error", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains($",{Id(hook)},product.created,product,{Id(product)},", lines[1]);

        var forged = await anonymous.GetAsync("/webhook_logs/not-a-token");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task A_disabled_webhook_receives_nothing_until_enabled_and_a_deleted_one_is_gone()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = await SubscribeAsync(receiver, "material.created");
        var disabled = await _api.PatchAsync($"/v1/webhooks/{Id(hook)}", new { enabled = false });
        Assert.False(disabled.GetProperty("enabled").GetBoolean());
        Assert.Equal(hook.GetProperty("token").GetString(), disabled.GetProperty("token").GetString());
        await new Shop(_api).MaterialAsync();
        // Deliveries are written in the change's own transaction: none was, so none will ever be sent.
        Assert.False(await app.WithDbAsync(db => db.Set<WebhookDelivery>().AnyAsync(d => d.WebhookId == Id(hook))));
        Assert.Empty(receiver.Received);

        await _api.PatchAsync($"/v1/webhooks/{Id(hook)}", new { enabled = true });
        var material = await new Shop(_api).MaterialAsync();
        var post = Assert.Single(await ReceivedAsync(receiver, 1));
        Assert.Equal("material.created", post.Json.GetProperty("action").GetString());

        var listed = (await _api.GetAsync($"/v1/webhooks?ids={Id(hook)}&enabled=true")).GetProperty("data");
        Assert.Equal(Id(hook), Id(Assert.Single(listed.EnumerateArray())));
        Assert.Equal(HttpStatusCode.NoContent, (await _api.SendAsync(HttpMethod.Delete, $"/v1/webhooks/{Id(hook)}")).StatusCode);
        await ApiClient.ProblemAsync(await _api.Http.GetAsync($"/v1/webhooks/{Id(hook)}"), HttpStatusCode.NotFound);
        _ = material;
    }

    [Fact]
    public async Task A_subscription_ShopFloor_cannot_honour_is_refused_naming_the_field()
    {
        var unknown = await _api.SendAsync(HttpMethod.Post, "/v1/webhooks", new { url = "https://example.com/hook", subscribed_events = new[] { "sales_order.teleported" } });
        var problem = await ApiClient.ProblemAsync(unknown, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("subscribed_events", problem.GetRawText());
        var plain = await _api.SendAsync(HttpMethod.Post, "/v1/webhooks", new { url = "http://example.com/hook", subscribed_events = new[] { "sales_order.created" } });
        Assert.Contains("\"url\"", (await ApiClient.ProblemAsync(plain, HttpStatusCode.UnprocessableEntity)).GetRawText());
        var none = await _api.SendAsync(HttpMethod.Post, "/v1/webhooks", new { url = "https://example.com/hook", subscribed_events = Array.Empty<string>() });
        await ApiClient.ProblemAsync(none, HttpStatusCode.UnprocessableEntity);
    }

    private async Task<JsonElement> SubscribeAsync(WebhookReceiver receiver, params string[] events) =>
        await _api.PostAsync("/v1/webhooks", new { url = receiver.Url.ToString(), subscribed_events = events, description = "test" });

    private async Task<IReadOnlyList<ReceivedWebhook>> ReceivedAsync(WebhookReceiver receiver, int count)
    {
        await Eventually.TrueAsync(() => Task.FromResult(receiver.Received.Count >= count), $"{count} webhook posts", explain: async () =>
            "received:\n" + string.Join("\n", receiver.Received.Select(p => Encoding.UTF8.GetString(p.Body)))
            + "\ndeliveries:\n" + string.Join("\n", await app.WithDbAsync(db => db.Set<WebhookDelivery>().AsNoTracking().OrderBy(d => d.Id)
                .Select(d => $"{d.Id} {d.WebhookId} {d.Action} attempts {d.Attempts} next {d.NextAttemptAt:O} status {d.StatusCode} {d.Error}").ToListAsync())));
        return [.. receiver.Received];
    }
}

public sealed class KatanaWebhooksOnSqlite(SqliteApp app) : KatanaWebhooksTests(app), IClassFixture<SqliteApp>;

public sealed class KatanaWebhooksOnPostgres(PostgresApp app) : KatanaWebhooksTests(app), IClassFixture<PostgresApp>;
