using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ShopFloor.Tests.Infrastructure;

/// <summary>Talks to the API as a script would: JSON over HTTP with a bearer key, reading the raw wire format.</summary>
public sealed class ApiClient
{
    public ApiClient(HttpClient http, string? apiKey)
    {
        Http = http;
        if (apiKey is not null)
            Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    public HttpClient Http { get; }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body = null) =>
        Http.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) });

    public Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string url, string json) =>
        Http.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    public async Task<JsonElement> GetAsync(string url) => await ExpectAsync(await Http.GetAsync(url), HttpStatusCode.OK);

    /// <summary>#16: a create answers 200, as Katana documents (201 only on ShopFloor's own channel routes).</summary>
    public async Task<JsonElement> PostAsync(string url, object body) =>
        await ExpectAsync(await SendAsync(HttpMethod.Post, url, body),
            url.StartsWith("/v1/shopify/", StringComparison.Ordinal) || url.StartsWith("/v1/woocommerce/", StringComparison.Ordinal) ? [HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Accepted] : [HttpStatusCode.OK]);

    public async Task<JsonElement> PatchAsync(string url, object body) =>
        await ExpectAsync(await SendAsync(HttpMethod.Patch, url, body), HttpStatusCode.OK);

    /// <summary>Asserts an RFC 7807 answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        // #16: Katana's error fields too, for scripts written against Katana's API.
        Assert.Equal((int)status, problem.GetProperty("statusCode").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("name").GetString()));
        Assert.True(problem.TryGetProperty("message", out _));
        return problem;
    }

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, params HttpStatusCode[] statuses)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(statuses.Contains(response.StatusCode), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
