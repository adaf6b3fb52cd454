using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using ShopFloor.WooEmulator.Store;

namespace ShopFloor.WooEmulator.Webhooks;

/// <summary>
/// Delivers webhooks as WooCommerce does, in the background: a POST of the resource's JSON with the
/// X-WC-Webhook-* headers, the signature a base64 HMAC-SHA256 of the body with the webhook's secret. WooCommerce
/// does not retry a failed delivery; five failures in a row disable the webhook.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory http, TimeProvider clock, ILogger<WebhookSender> logger) : BackgroundService
{
    private const int FailuresBeforeDisabled = 5;
    private readonly Channel<(WooStore Store, WooWebhook Hook, string Body)> _queue = Channel.CreateUnbounded<(WooStore, WooWebhook, string)>();
    private long _deliveryId = 1000;

    public ConcurrentQueue<WebhookDeliveryLog> Log { get; } = new();

    /// <summary>Queues the body for every active webhook of the store subscribed to the topic.</summary>
    public void Publish(WooStore store, string topic, string body)
    {
        foreach (var hook in store.Webhooks.Where(h => h.Topic == topic && h.Status == "active"))
            _queue.Writer.TryWrite((store, hook, body));
    }

    /// <summary>The ping WooCommerce sends to a new webhook's address: a form body naming the webhook.</summary>
    public async Task PingAsync(WooWebhook hook, CancellationToken ct)
    {
        try
        {
            using var content = new StringContent($"webhook_id={hook.Id}", Encoding.UTF8, "application/x-www-form-urlencoded");
            using var response = await http.CreateClient(nameof(WebhookSender)).PostAsync(hook.DeliveryUrl, content, ct);
        }
        catch (HttpRequestException e)
        {
            logger.LogDebug(e, "Ping of webhook {Id} failed", hook.Id);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (store, hook, body) in _queue.Reader.ReadAllAsync(stoppingToken))
            await DeliverAsync(store, hook, body, stoppingToken);
    }

    private async Task DeliverAsync(WooStore store, WooWebhook hook, string body, CancellationToken ct)
    {
        var deliveryId = Interlocked.Increment(ref _deliveryId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        int? status = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, hook.DeliveryUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-WC-Webhook-Source", store.Url.TrimEnd('/') + "/");
            request.Headers.Add("X-WC-Webhook-Topic", hook.Topic);
            request.Headers.Add("X-WC-Webhook-Resource", hook.Resource);
            request.Headers.Add("X-WC-Webhook-Event", hook.Event);
            request.Headers.Add("X-WC-Webhook-Signature", Signature(body, hook.Secret));
            request.Headers.Add("X-WC-Webhook-ID", hook.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-WC-Webhook-Delivery-ID", deliveryId);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var response = await http.CreateClient(nameof(WebhookSender)).SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            error = e.Message;
        }
        await store.Gate.WaitAsync(ct);
        try
        {
            hook.ConsecutiveFailures = status is >= 200 and < 300 ? 0 : hook.ConsecutiveFailures + 1;
            if (hook.ConsecutiveFailures >= FailuresBeforeDisabled)
                hook.Status = "disabled";
        }
        finally
        {
            store.Gate.Release();
        }
        Log.Enqueue(new WebhookDeliveryLog(hook.Id, deliveryId, hook.Topic, status, error, clock.GetUtcNow().UtcDateTime));
    }

    public static string Signature(string body, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
