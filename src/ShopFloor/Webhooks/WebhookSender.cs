using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ShopFloor.Api;
using ShopFloor.Core.Webhooks;

namespace ShopFloor.Webhooks;

/// <summary>The body Katana posts for an event (its WebhookEventPayload).</summary>
public sealed record WebhookPayload(string ResourceType, string Action, long WebhookId, WebhookPayloadObject Object);

public sealed record WebhookPayloadObject(string Id, string? Status, string? Href);

/// <summary>What one post came to: the subscriber's status code (none when it never answered) and why it failed.</summary>
public sealed record SendResult(int? StatusCode, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Posts one event to one subscriber as Katana does: the JSON body signed in X-Sha2-Signature (the lowercase hex
/// HMAC-SHA256 of the exact bytes sent, keyed with the webhook's token), and X-Katana-Retry-Num from the first retry.
/// </summary>
public sealed class WebhookSender(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    public const string SignatureHeader = "X-Sha2-Signature";
    public const string RetryHeader = "X-Katana-Retry-Num";

    public static string Sign(ReadOnlySpan<byte> body, string token) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), body));

    public static byte[] Body(WebhookPayload payload) => JsonSerializer.SerializeToUtf8Bytes(payload, Json);

    public async Task<SendResult> SendAsync(Webhook hook, WebhookDelivery delivery, Uri publicUrl, CancellationToken ct)
    {
        var href = delivery.Href is null ? null : new Uri(publicUrl, delivery.Href.TrimStart('/')).ToString();
        var body = Body(new WebhookPayload(delivery.ResourceType, delivery.Action, hook.Id, new WebhookPayloadObject(delivery.ResourceId, delivery.Status, href)));
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(SignatureHeader, Sign(body, hook.Token));
        if (delivery.Attempts > 0)
            request.Headers.Add(RetryHeader, delivery.Attempts.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return response.IsSuccessStatusCode
                ? new SendResult((int)response.StatusCode, null)
                : new SendResult((int)response.StatusCode, $"the endpoint answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                  || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return new SendResult(null, e is HttpRequestException ? e.Message : "the endpoint did not answer in time");
        }
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        JsonSetup.Configure(options);
        return options;
    }
}
