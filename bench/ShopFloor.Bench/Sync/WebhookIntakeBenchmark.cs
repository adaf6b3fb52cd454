using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace ShopFloor.Bench.Sync;

/// <summary>
/// Issue 6 (a): webhook intake of the real ShopFloor process (Kestrel, built in Release) while its own workers
/// process the inbox: the most signed deliveries per second 8 concurrent senders get through (closed loop), and
/// the time to the 200 when deliveries arrive at a steady 1,000 per second (open loop, as Shopify sends them).
/// </summary>
internal static class WebhookIntakeBenchmark
{
    private const string Secret = "bench-webhook-secret";
    private const int Senders = 8;

    public static async Task<int> RunAsync(int deliveries, string? postgres)
    {
        var body = OrderBody(ShopFloorProcess.RepoRoot());
        await using var shopFloor = await ShopFloorProcess.StartAsync(postgres, new Dictionary<string, string> { ["ShopFloor__Shopify__ApiSecret"] = Secret });
        using var http = shopFloor.Client();
        await SendAsync(http, body, 500); // warm-up
        var watch = Stopwatch.StartNew();
        var saturated = Summary.Of(await SendAsync(http, body, deliveries), watch.Elapsed);
        watch.Restart();
        var steady = Summary.Of(await SendAtRateAsync(http, body, deliveries, perSecond: 1_000), watch.Elapsed);
        Console.WriteLine($"| {(postgres is null ? "SQLite" : "PostgreSQL")} | {deliveries:N0} × 2 | {body.Length:N0} | {saturated.PerSecond:N0} | {saturated.P50:F2} / {saturated.P99:F2} | {steady.PerSecond:N0} | {steady.P50:F2} / {steady.P99:F2} |");
        return 0;
    }

    /// <summary>Each delivery is a new webhook id (no duplicates), signed as Shopify signs it; returns each one's time to 200 in ms.</summary>
    private static async Task<List<double>> SendAsync(HttpClient http, byte[] body, int count)
    {
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
        var next = 0;
        var results = await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>();
            while (Interlocked.Increment(ref next) <= count)
            {
                using var request = Delivery(body, signature);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                    throw new InvalidOperationException($"The webhook endpoint answered {(int)response.StatusCode}.");
            }
            return mine;
        })));
        return results.SelectMany(r => r).ToList();
    }

    /// <summary>Deliveries started on a fixed schedule, whatever the answers' times (an open loop); their times to 200 in ms.</summary>
    private static async Task<List<double>> SendAtRateAsync(HttpClient http, byte[] body, int count, int perSecond)
    {
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
        var sends = new List<Task<double>>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed);
            sends.Add(Task.Run(async () =>
            {
                using var request = Delivery(body, signature);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.OK)
                    throw new InvalidOperationException($"The webhook endpoint answered {(int)response.StatusCode}.");
                return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }));
        }
        return (await Task.WhenAll(sends)).ToList();
    }

    /// <summary>One delivery as Shopify sends it: a new webhook id, the topic and shop, the signature.</summary>
    private static HttpRequestMessage Delivery(byte[] body, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/shopify") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Shopify-Topic", "orders/updated");
        request.Headers.Add("X-Shopify-Shop-Domain", "bench.myshopify.com");
        request.Headers.Add("X-Shopify-Webhook-Id", Guid.NewGuid().ToString());
        request.Headers.Add("X-Shopify-Hmac-Sha256", signature);
        return request;
    }

    /// <summary>A real order webhook body (fixtures/shopify/legacy-rest/order.json) when the fixtures are next to the repository.</summary>
    private static byte[] OrderBody(string root)
    {
        var fixture = Path.Combine(root, "..", "shared", "fixtures", "shopify", "legacy-rest", "order.json");
        if (File.Exists(fixture) && System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(fixture))?["order"] is { } order)
            return Encoding.UTF8.GetBytes(order.ToJsonString());
        return Encoding.UTF8.GetBytes($$"""{"id":820982911946154508,"updated_at":"2026-01-01T00:00:00Z","line_items":[{"id":1,"sku":"A","quantity":1,"price":"{{new string('9', 2000)}}"}]}""");
    }

}
