using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace ShopFloor.Bench;

/// <summary>What a merchant's script does against ShopFloor's REST API when a benchmark sets it up: post, wait, connect.</summary>
internal static class MerchantScript
{
    /// <summary>POSTs and answers the new resource's id (0 when it has none); anything but success throws with the answer.</summary>
    public static async Task<long> PostAsync(HttpClient api, string url, object body)
    {
        using var response = await api.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.TryGetProperty("id", out var id) ? id.GetInt64() : 0;
    }

    /// <summary>Connects a Shopify store by its access token and imports its products; the store's id.</summary>
    public static async Task<long> ConnectAndImportProductsAsync(HttpClient api, string shop, string token, TimeSpan timeout)
    {
        var store = await PostAsync(api, "/v1/shopify/stores", new { shop_domain = shop, access_token = token });
        await PostAsync(api, $"/v1/shopify/stores/{store}/imports", new { type = "products" });
        await JobsDoneAsync(api, store, timeout);
        return store;
    }

    public static Task JobsDoneAsync(HttpClient api, long store, TimeSpan timeout) => UntilAsync(async () =>
        (await api.GetFromJsonAsync<JsonElement>($"/v1/shopify/stores/{store}/imports")).GetProperty("data").EnumerateArray()
            .All(j => j.GetProperty("status").GetString() is "SUCCEEDED" or "FAILED"), "the store's jobs finish", timeout);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan timeout, bool throwOnTimeout = true)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > timeout)
            {
                if (throwOnTimeout)
                    throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for: {what}");
                return;
            }
            await Task.Delay(50);
        }
    }
}
