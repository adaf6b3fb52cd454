using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ShopFloor.Shopify.Client;

public sealed record ShopifyCredentials(string ShopDomain, string AccessToken);

/// <summary>
/// The Admin GraphQL API (the version <see cref="ShopifyOptions.ApiVersion"/> names) of any connected store. Waits for the cost bucket before calling, retries a
/// THROTTLED answer after the bucket refills, and leaves transport faults (429 with Retry-After, 5xx, timeouts)
/// to the resilience pipeline, which retries only idempotent operations.
/// </summary>
public sealed class ShopifyAdminClient(HttpClient http, IOptions<ShopifyOptions> options, CostThrottle throttle, ILogger<ShopifyAdminClient> logger)
{
    public static readonly HttpRequestOptionsKey<bool> IdempotentKey = new("shopfloor.shopify.idempotent");
    private const int MaxThrottledRetries = 10;

    public async Task<JsonElement> SendAsync(ShopifyCredentials store, GraphQLOperation operation, object? variables, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await throttle.WaitForAsync(store.ShopDomain, operation.ExpectedCost, ct);
            using var request = new HttpRequestMessage(HttpMethod.Post,
                new Uri(options.Value.AdminBase(store.ShopDomain), $"admin/api/{options.Value.ApiVersion}/graphql.json"))
            {
                Content = JsonContent.Create(new { query = operation.Document, variables }),
            };
            request.Headers.Add("X-Shopify-Access-Token", store.AccessToken);
            request.Options.Set(IdempotentKey, operation.Idempotent);
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
                throw new ShopifyUnauthorizedException(store.ShopDomain);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
                throw new ShopifyException($"Shopify answered {(int)response.StatusCode} to {operation.Name}: {Trim(text)}");

            var body = JsonDocument.Parse(text).RootElement.Clone();
            ObserveCost(store, body);
            if (body.TryGetProperty("errors", out var errors))
            {
                if (IsThrottled(errors) && attempt <= MaxThrottledRetries)
                {
                    var wait = throttle.WaitAfterThrottled(store.ShopDomain, operation.ExpectedCost);
                    logger.LogInformation("{Operation} on {Shop} throttled; retrying in {Wait}", operation.Name, store.ShopDomain, wait);
                    await Task.Delay(wait, ct);
                    continue;
                }
                throw new ShopifyException($"{operation.Name} failed on {store.ShopDomain}: {Trim(errors.ToString())}");
            }
            return body.GetProperty("data");
        }
    }

    private void ObserveCost(ShopifyCredentials store, JsonElement body)
    {
        if (body.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("cost", out var cost)
            && cost.TryGetProperty("throttleStatus", out var status))
            throttle.Observe(store.ShopDomain, status.GetProperty("maximumAvailable").GetDouble(),
                status.GetProperty("currentlyAvailable").GetDouble(), status.GetProperty("restoreRate").GetDouble());
    }

    private static bool IsThrottled(JsonElement errors) =>
        errors.ValueKind == JsonValueKind.Array && errors.EnumerateArray().Any(e =>
            e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var code) && code.GetString() == "THROTTLED");

    private static string Trim(string text) => text.Length > 500 ? text[..500] + "…" : text;
}
