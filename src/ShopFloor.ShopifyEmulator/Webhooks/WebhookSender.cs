using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.Webhooks;

/// <summary>
/// Delivers webhooks as Shopify does: signed with the app secret, Shopify's headers, 5 s to answer with a 2xx,
/// failures retried with growing delays up to the configured number of attempts.
/// </summary>
public sealed class WebhookSender(
    WebhookDispatcher dispatcher, ShopRegistry shops, HttpClient http, IOptions<EmulatorOptions> options, TimeProvider clock,
    ILogger<WebhookSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var delivery in dispatcher.Pending.ReadAllAsync(stoppingToken))
            _ = Task.Run(() => DeliverAsync(delivery, stoppingToken), stoppingToken);
    }

    private async Task DeliverAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        var shop = shops.Find(delivery.ShopDomain);
        if (shop is null)
            return;
        if (shop.Faults.WebhookDelay > TimeSpan.Zero)
            await Task.Delay(shop.Faults.WebhookDelay, clock, ct);
        var copies = shop.Faults.DuplicateWebhooks ? 2 : 1;
        for (var copy = 0; copy < copies; copy++)
            await AttemptAsync(shop, delivery, ct);
    }

    private async Task AttemptAsync(Shop shop, WebhookDelivery delivery, CancellationToken ct)
    {
        var settings = options.Value;
        while (!ct.IsCancellationRequested)
        {
            delivery.Attempts++;
            var (status, error) = shop.Faults.Hits(shop.Faults.WebhookFailShare)
                ? (null, "dropped by the WebhookFailShare switch")
                : await SendAsync(shop, delivery, settings.WebhookTimeout, ct);
            dispatcher.Log.Enqueue(new DeliveryAttempt(delivery.WebhookId, delivery.Topic, delivery.Url, delivery.Attempts, status, error,
                clock.GetUtcNow().UtcDateTime));
            if (status is >= 200 and < 300)
                return;
            if (delivery.Attempts >= settings.WebhookAttempts)
            {
                logger.LogWarning("Webhook {Topic} to {Url} failed {Attempts} times; giving up", delivery.Topic, delivery.Url, delivery.Attempts);
                return;
            }
            await Task.Delay(settings.WebhookFirstRetry * Math.Pow(2, delivery.Attempts - 1), clock, ct);
        }
    }

    private async Task<(int? Status, string? Error)> SendAsync(Shop shop, WebhookDelivery delivery, TimeSpan timeout, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Shopify-Topic", delivery.Topic);
        request.Headers.Add("X-Shopify-Hmac-Sha256", WebhookSignature.Sign(shop.ApiSecret, delivery.Body));
        request.Headers.Add("X-Shopify-Shop-Domain", delivery.ShopDomain);
        request.Headers.Add("X-Shopify-Webhook-Id", delivery.WebhookId);
        request.Headers.Add("X-Shopify-Event-Id", delivery.EventId);
        request.Headers.Add("X-Shopify-Triggered-At", delivery.TriggeredAt.ToString("O"));
        request.Headers.Add("X-Shopify-API-Version", GraphQL.ApiVersions.Latest);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, limit.Token);
            return ((int)response.StatusCode, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return (null, e.Message);
        }
    }
}
