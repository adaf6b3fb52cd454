namespace ShopFloor.ShopifyEmulator.Tests;

public sealed class SchemaValidationTests : IAsyncLifetime
{
    private EmulatorServer _emulator = null!;
    private AdminApi _api = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync();
        _api = new AdminApi(_emulator.AdminClient());
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_document_valid_against_the_2026_01_schema_is_answered()
    {
        var data = await _api.DataAsync("{ shop { name myshopifyDomain currencyCode } }");
        Assert.Equal(_emulator.DefaultShop.Domain, data.GetProperty("shop").GetProperty("myshopifyDomain").GetString());
    }

    [Theory]
    [InlineData("{ shop { notAField } }", "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("{ products { edges { node { id } } } wrongRoot }", "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("mutation { inventorySetQuantities(input: {name: \"available\"}) { userErrors { message } } }", "ARGUMENTS_OF_CORRECT_TYPE")]
    [InlineData("{ locations(first: \"ten\") { nodes { id } } }", "ARGUMENTS_OF_CORRECT_TYPE")]
    public async Task A_document_Shopify_would_reject_is_rejected_with_errors_and_no_data(string query, string code)
    {
        var result = await _api.SendAsync(query);
        var errors = result.GetProperty("errors");
        Assert.True(errors.GetArrayLength() > 0);
        Assert.False(result.TryGetProperty("data", out _));
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("extensions").GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task Syntax_errors_are_reported_with_their_location()
    {
        var result = await _api.SendAsync("{ shop { name ");
        Assert.True(result.GetProperty("errors")[0].TryGetProperty("locations", out _));
    }

    [Fact]
    public async Task A_wrong_access_token_is_refused_with_401()
    {
        var response = await _emulator.AdminClient("shpat_wrong").PostAsync("/admin/api/2026-10/graphql.json",
            new StringContent("{\"query\":\"{ shop { name } }\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Invalid API key or access token", await response.Content.ReadAsStringAsync());
    }

    [Fact] // SHOPIFY-FACTS: ids exceed 2^53; clients must keep them as strings or longs
    public async Task Ids_are_larger_than_a_double_holds_exactly()
    {
        var location = await _api.LocationAsync("Main");
        Assert.True(long.Parse(location.Split('/')[^1]) > 1L << 53);
    }

    [Fact]
    public async Task Connections_page_with_cursors()
    {
        foreach (var name in new[] { "A", "B", "C" })
            await _api.LocationAsync("Page " + name + Guid.NewGuid().ToString("N")[..4]);
        var first = (await _api.DataAsync("{ locations(first: 2) { nodes { id } pageInfo { hasNextPage endCursor } } }")).GetProperty("locations");
        Assert.Equal(2, first.GetProperty("nodes").GetArrayLength());
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var rest = (await _api.DataAsync("query($after: String) { locations(first: 250, after: $after) { nodes { id } pageInfo { hasNextPage } } }",
            new { after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() })).GetProperty("locations");
        Assert.False(rest.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.DoesNotContain(rest.GetProperty("nodes").EnumerateArray(), n => first.GetProperty("nodes").EnumerateArray().Any(f => f.GetProperty("id").GetString() == n.GetProperty("id").GetString()));
    }
}
