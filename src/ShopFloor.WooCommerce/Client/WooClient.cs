using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ShopFloor.WooCommerce.Connection;

namespace ShopFloor.WooCommerce.Client;

/// <summary>
/// WooCommerce's REST API v3, authenticated with the store's consumer key and secret (HTTP Basic, as WooCommerce
/// accepts over HTTPS). Lists are read a page of 100 at a time, following X-WP-TotalPages.
/// </summary>
public sealed class WooClient(HttpClient http)
{
    private const int PageSize = 100;

    public async Task<List<T>> ListAsync<T>(WooCredentials store, string path, CancellationToken ct)
    {
        var all = new List<T>();
        for (var page = 1; ; page++)
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            using var response = await SendAsync(store, HttpMethod.Get, $"{path}{separator}per_page={PageSize}&page={page}", null, ct);
            all.AddRange(await ReadAsync<List<T>>(response, ct));
            var pages = response.Headers.TryGetValues("X-WP-TotalPages", out var values)
                && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var total) ? total : 1;
            if (page >= pages)
                return all;
        }
    }

    public async Task<T> GetAsync<T>(WooCredentials store, string path, CancellationToken ct)
    {
        using var response = await SendAsync(store, HttpMethod.Get, path, null, ct);
        return await ReadAsync<T>(response, ct);
    }

    public async Task<T> WriteAsync<T>(WooCredentials store, HttpMethod method, string path, object body, CancellationToken ct)
    {
        using var response = await SendAsync(store, method, path, body, ct);
        return await ReadAsync<T>(response, ct);
    }

    private async Task<HttpResponseMessage> SendAsync(WooCredentials store, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(store.ApiBase, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{store.ConsumerKey}:{store.ConsumerSecret}")));
        if (body is not null)
            request.Content = JsonContent.Create(body, options: WooJson.Options);
        var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
            return response;
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            var message = TryError(text) is { } error ? $"{error.Code}: {error.Message}" : $"HTTP {(int)response.StatusCode}";
            throw new WooException(response.StatusCode, $"{store.ApiBase.GetLeftPart(UriPartial.Authority)} answered {method} {path} with {message}");
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) =>
        await response.Content.ReadFromJsonAsync<T>(WooJson.Options, ct)
        ?? throw new WooException(response.StatusCode, $"{response.RequestMessage?.RequestUri} answered with no body");

    private static WooError? TryError(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<WooError>(text, WooJson.Options) is { Code: not null } error ? error : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
