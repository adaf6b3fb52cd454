using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace ShopFloor.Bench.Sync;

/// <summary>
/// The Shopify store emulator (its Release build) in a process of its own, so the stores a benchmark sells through
/// do not share the load generator's process. Stores are made and read back through its control API and set up
/// through the Admin GraphQL API, as a script for a development store would.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http;

    private EmulatorProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { BaseAddress = address };
    }

    public Uri Address { get; }

    public static async Task<EmulatorProcess> StartAsync()
    {
        var dll = Path.Combine(ShopFloorProcess.RepoRoot(), "src", "ShopFloor.ShopifyEmulator", "bin", "Release", "net10.0", "ShopFloor.ShopifyEmulator.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"Build the emulator first: dotnet build -c Release ({dll} is missing).");
        var address = new Uri($"http://127.0.0.1:{ShopFloorProcess.FreePort()}");
        var start = new ProcessStartInfo("dotnet", [dll]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var emulator = new EmulatorProcess(process, address);
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await emulator._http.GetAsync("/_emulator")).IsSuccessStatusCode)
                    return emulator;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The emulator did not start in 30 s.");
    }

    /// <summary>The app's key and secret: ShopFloor signs in to the stores and checks their webhooks with them.</summary>
    public async Task<(string ApiKey, string ApiSecret)> AppAsync()
    {
        var app = await _http.GetFromJsonAsync<JsonElement>("/_emulator");
        return (app.GetProperty("api_key").GetString()!, app.GetProperty("api_secret").GetString()!);
    }

    /// <summary>A store on Shopify Plus's limits (a 20,000-point bucket restoring 1,000 a second) with one location and a tracked product per SKU.</summary>
    public async Task<string> AddStoreAsync(string domain, IReadOnlyList<string> skus, long stock)
    {
        var token = await AddShopAsync(domain);
        await SetPlanAsync(domain, 20_000, 1_000);
        var location = await AddLocationAsync(domain, token);
        foreach (var sku in skus)
            await AddProductAsync(domain, token, $"Product {sku}", location, [sku], stock);
        return token;
    }

    /// <summary>A new store with no location yet; its Admin API access token.</summary>
    public async Task<string> AddShopAsync(string domain) =>
        (await PostAsync<JsonElement>("/_emulator/shops", new { domain })).GetProperty("access_token").GetString()!;

    /// <summary>The store's rate limit: its bucket and restore rate.</summary>
    public async Task SetPlanAsync(string domain, int bucketSize, int restoreRate) =>
        (await _http.PutAsJsonAsync($"/_emulator/shops/{domain}/plan", new { bucket_size = bucketSize, restore_rate = restoreRate })).EnsureSuccessStatusCode();

    public async Task<string> AddLocationAsync(string domain, string token) =>
        (await AdminAsync(domain, token, "mutation { locationAdd(input: {name: \"Online\", address: {countryCode: US}}) { location { id } userErrors { message } } }", null))
            .GetProperty("locationAdd").GetProperty("location").GetProperty("id").GetString()!;

    /// <summary>A product with a tracked variant per SKU (told apart by a Size option), each with the stock at the location.</summary>
    public async Task AddProductAsync(string domain, string token, string title, string location, IReadOnlyList<string> skus, long stock)
    {
        var product = (await AdminAsync(domain, token, "mutation($title: String!) { productCreate(product: {title: $title}) { product { id } userErrors { message } } }",
            new { title })).GetProperty("productCreate").GetProperty("product").GetProperty("id").GetString();
        await AdminAsync(domain, token, """
            mutation($product: ID!, $variants: [ProductVariantsBulkInput!]!) {
              productVariantsBulkCreate(productId: $product, variants: $variants) { userErrors { message } }
            }
            """, new
        {
            product,
            variants = skus.Select((sku, i) => new
            {
                price = "10.00",
                optionValues = new[] { new { optionName = "Size", name = $"Size {i}" } },
                inventoryItem = new { sku, tracked = true },
                inventoryQuantities = new[] { new { locationId = location, availableQuantity = stock } },
            }).ToArray(),
        });
    }

    /// <summary>A shopper checking out one unit of a SKU, through the emulator's storefront.</summary>
    public async Task PlaceOrderAsync(string domain, string sku)
    {
        using var response = await _http.PostAsJsonAsync($"/_emulator/shops/{domain}/orders", new { line_items = new[] { new { sku, quantity = 1 } } });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Each SKU's Available at the store's location, as the emulator's state shows it.</summary>
    public async Task<Dictionary<string, long>> LevelsAsync(string domain)
    {
        var state = await _http.GetFromJsonAsync<JsonElement>($"/_emulator/shops/{domain}");
        return state.GetProperty("products").EnumerateArray().SelectMany(p => p.GetProperty("variants").EnumerateArray())
            .Where(v => v.GetProperty("sku").ValueKind == JsonValueKind.String)
            .ToDictionary(v => v.GetProperty("sku").GetString()!, v => v.GetProperty("levels")[0].GetProperty("available").GetInt64());
    }

    /// <summary>Actual points charged so far per GraphQL operation name (calls, points).</summary>
    public async Task<Dictionary<string, (long Calls, long Points)>> PointsAsync(string domain)
    {
        var points = await _http.GetFromJsonAsync<JsonElement>($"/_emulator/shops/{domain}/points");
        return points.EnumerateArray().ToDictionary(o => o.GetProperty("operation").GetString()!,
            o => (o.GetProperty("calls").GetInt64(), o.GetProperty("points").GetInt64()));
    }

    private async Task<JsonElement> AdminAsync(string domain, string token, string query, object? variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/api/2026-10/graphql.json") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Add("X-Shopify-Access-Token", token);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode || body.TryGetProperty("errors", out _))
            throw new InvalidOperationException($"{domain}: {body}");
        return body.GetProperty("data");
    }

    private async Task<T> PostAsync<T>(string url, object body)
    {
        using var response = await _http.PostAsJsonAsync(url, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
