using System.Text.Json;

namespace ShopFloor.ShopifyEmulator.Tests;

public sealed class BulkOperationTests : IAsyncLifetime
{
    private EmulatorServer _emulator = null!;
    private AdminApi _api = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync();
        _api = new AdminApi(_emulator.AdminClient());
        await _api.LocationAsync("Warehouse");
        for (var p = 0; p < 3; p++)
            await _api.ProductAsync($"Product {p}", $"P{p}-A", $"P{p}-B");
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private const string CatalogueQuery = """
        { products { edges { node { id title variants { edges { node { id sku inventoryItem { id } } } } } } } }
        """;

    [Fact] // a JSONL file: parents first, nested connection nodes on their own lines with __parentId
    public async Task A_bulk_query_produces_jsonl_of_the_whole_catalogue()
    {
        var started = await _api.DataAsync("mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id status } userErrors { message } } }", new { q = CatalogueQuery });
        Assert.Empty(started.GetProperty("bulkOperationRunQuery").GetProperty("userErrors").EnumerateArray());

        var current = (await _api.DataAsync("{ currentBulkOperation { id status objectCount rootObjectCount url } }")).GetProperty("currentBulkOperation");
        Assert.Equal("COMPLETED", current.GetProperty("status").GetString());
        Assert.Equal("9", current.GetProperty("objectCount").GetString());
        Assert.Equal("3", current.GetProperty("rootObjectCount").GetString());

        var jsonl = await new HttpClient().GetStringAsync(current.GetProperty("url").GetString());
        var lines = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(9, lines.Count);
        var products = lines.Where(l => !l.TryGetProperty("__parentId", out _)).ToList();
        Assert.Equal(3, products.Count);
        foreach (var variant in lines.Where(l => l.TryGetProperty("__parentId", out _)))
        {
            var parent = variant.GetProperty("__parentId").GetString();
            Assert.True(lines.FindIndex(l => l.GetProperty("id").GetString() == parent) < lines.IndexOf(variant), "parents come before their children");
            Assert.StartsWith("gid://shopify/InventoryItem/", variant.GetProperty("inventoryItem").GetProperty("id").GetString());
        }
    }

    [Theory] // Shopify's limits on bulk queries
    [InlineData("{ shop { name } }")]
    [InlineData("{ products { edges { node { variants { edges { node { inventoryItem { inventoryLevels { edges { node { id } } } } } } } } } } }")]
    public async Task Bulk_queries_outside_shopifys_limits_are_refused(string query)
    {
        var result = await _api.DataAsync("mutation($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { message code } } }", new { q = query });
        Assert.Equal("INVALID", result.GetProperty("bulkOperationRunQuery").GetProperty("userErrors")[0].GetProperty("code").GetString());
    }
}
