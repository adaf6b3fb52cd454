using System.Net.Http.Json;
using System.Text.Json;

namespace ShopFloor.ShopifyEmulator.Tests;

/// <summary>Posts GraphQL documents the way any Admin API client does, to one API version (the latest unless told).</summary>
public sealed class AdminApi(HttpClient http, string version = GraphQL.ApiVersions.Latest)
{
    public async Task<JsonElement> SendAsync(string query, object? variables = null)
    {
        var response = await http.PostAsJsonAsync($"/admin/api/{version}/graphql.json", new { query, variables });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        var result = await SendAsync(query, variables);
        Assert.False(result.TryGetProperty("errors", out var errors), errors.ToString());
        return result.GetProperty("data");
    }

    public async Task<string> LocationAsync(string name) =>
        (await DataAsync("mutation($name: String!) { locationAdd(input: {name: $name, address: {countryCode: US}}) { location { id } } }", new { name }))
        .GetProperty("locationAdd").GetProperty("location").GetProperty("id").GetString()!;

    /// <summary>A product with one variant per SKU; returns the inventory item ids.</summary>
    public async Task<List<string>> ProductAsync(string title, params string[] skus)
    {
        var product = (await DataAsync("mutation($t: String!) { productCreate(product: {title: $t}) { product { id } } }", new { t = title }))
            .GetProperty("productCreate").GetProperty("product").GetProperty("id").GetString();
        var variants = skus.Select(sku => new { price = "10.00", inventoryItem = new { sku, tracked = true }, optionValues = new[] { new { optionName = "Title", name = sku } } });
        var created = await DataAsync("""
            mutation($id: ID!, $variants: [ProductVariantsBulkInput!]!) {
              productVariantsBulkCreate(productId: $id, variants: $variants) { productVariants { inventoryItem { id } } userErrors { message } }
            }
            """, new { id = product, variants });
        return created.GetProperty("productVariantsBulkCreate").GetProperty("productVariants").EnumerateArray()
            .Select(v => v.GetProperty("inventoryItem").GetProperty("id").GetString()!).ToList();
    }

    public const string SetAvailable = """
        mutation($input: InventorySetQuantitiesInput!, $key: String!) {
          inventorySetQuantities(input: $input) @idempotent(key: $key) {
            inventoryAdjustmentGroup { id changes { name delta quantityAfterChange } }
            userErrors { field message code }
          }
        }
        """;

    /// <summary>inventorySetQuantities as 2026-10 wants it: a fresh idempotency key unless one is given.</summary>
    public async Task<JsonElement> SetAvailableAsync(params object[] quantities) => await SetAvailableWithKeyAsync(Guid.NewGuid().ToString(), quantities);

    public async Task<JsonElement> SetAvailableWithKeyAsync(string key, params object[] quantities) =>
        (await DataAsync(SetAvailable, new { input = new { name = "available", reason = "correction", quantities }, key })).GetProperty("inventorySetQuantities");

    public async Task<int> AvailableAsync(string itemId, string locationId) =>
        (await DataAsync("""
            query($item: ID!, $location: ID!) { inventoryItem(id: $item) { inventoryLevel(locationId: $location) { quantities(names: ["available"]) { quantity } } } }
            """, new { item = itemId, location = locationId }))
        .GetProperty("inventoryItem").GetProperty("inventoryLevel").GetProperty("quantities")[0].GetProperty("quantity").GetInt32();
}
