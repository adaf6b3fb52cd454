using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ShopFloor.ShopifyEmulator.Tests;

/// <summary>
/// Admin API 2026-10 as Shopify enforces it (the schema's own descriptions, the 2026-04 changelog "Making idempotency
/// mandatory for inventory adjustments and refund mutations", and the errors real stores answer), and the versions
/// around it answered as Shopify does.
/// </summary>
public sealed class ApiVersionTests : IAsyncLifetime
{
    private EmulatorServer _emulator = null!;
    private AdminApi _api = null!;
    private string _location = "";
    private string _item = "";

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync();
        _api = new AdminApi(_emulator.AdminClient());
        _location = await _api.LocationAsync("Warehouse");
        _item = (await _api.ProductAsync("Mug", "MUG-RED"))[0];
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private object Input(int quantity, bool withChangeFrom = true) => new
    {
        name = "available",
        reason = "correction",
        quantities = new[]
        {
            withChangeFrom
                ? (object)new { inventoryItemId = _item, locationId = _location, quantity, changeFromQuantity = (int?)null }
                : new { inventoryItemId = _item, locationId = _location, quantity },
        },
    };

    [Fact]
    public async Task From_2026_04_inventory_set_quantities_without_an_idempotency_key_is_a_bad_request_that_changes_nothing()
    {
        var result = await _api.SendAsync("""
            mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { message } } }
            """, new { input = Input(5) });

        var error = result.GetProperty("errors")[0];
        Assert.Equal("The @idempotent directive is required for this mutation but was not provided.", error.GetProperty("message").GetString());
        Assert.Equal("BAD_REQUEST", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("inventorySetQuantities", error.GetProperty("path")[0].GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("data").GetProperty("inventorySetQuantities").ValueKind);
        Assert.Equal(0, await _api.AvailableAsync(_item, _location));
    }

    [Fact]
    public async Task From_2026_04_every_quantity_must_name_change_from_quantity_even_as_null()
    {
        var result = await _api.SendAsync(AdminApi.SetAvailable, new { input = Input(5, withChangeFrom: false), key = "k-1" });

        var error = result.GetProperty("errors")[0];
        Assert.Equal("InventoryQuantityInput must include the following argument: changeFromQuantity.", error.GetProperty("message").GetString());
        Assert.Equal("INVALID_FIELD_ARGUMENTS", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(0, await _api.AvailableAsync(_item, _location));
    }

    [Fact] // a retry with the same key answers the first result and applies nothing; another input under that key is refused
    public async Task The_same_idempotency_key_replays_the_first_answer()
    {
        var first = await _api.SetAvailableWithKeyAsync("push-1", new { inventoryItemId = _item, locationId = _location, quantity = 5, changeFromQuantity = (int?)0 });
        await _emulator.InShopAsync(_emulator.DefaultShop, shop => shop.Level(Id(_item), Id(_location))!.Available = 3); // a sale in Shopify meanwhile
        var retry = await _api.SetAvailableWithKeyAsync("push-1", new { inventoryItemId = _item, locationId = _location, quantity = 5, changeFromQuantity = (int?)0 });

        Assert.Empty(retry.GetProperty("userErrors").EnumerateArray());
        Assert.Equal(first.GetProperty("inventoryAdjustmentGroup").GetProperty("id").GetString(), retry.GetProperty("inventoryAdjustmentGroup").GetProperty("id").GetString());
        Assert.Equal(3, await _api.AvailableAsync(_item, _location));

        var other = await _api.SetAvailableWithKeyAsync("push-1", new { inventoryItemId = _item, locationId = _location, quantity = 9, changeFromQuantity = (int?)3 });
        Assert.Equal("IDEMPOTENCY_KEY_PARAMETER_MISMATCH", other.GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal(3, await _api.AvailableAsync(_item, _location));
    }

    [Fact] // 2026-01 still runs until about January 2027: the key is optional there
    public async Task Version_2026_01_is_served_with_its_own_schema_and_rules()
    {
        var older = new AdminApi(_emulator.AdminClient(), "2026-01");
        var result = await older.DataAsync("""
            mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { message } } }
            """, new { input = Input(4, withChangeFrom: false) });
        Assert.Empty(result.GetProperty("inventorySetQuantities").GetProperty("userErrors").EnumerateArray());
        Assert.Equal(4, await _api.AvailableAsync(_item, _location));
    }

    [Theory] // a version no longer supported is answered by the oldest supported one, and the header says so
    [InlineData("2026-10", 200, "2026-10")]
    [InlineData("2026-07", 200, "2026-07")]
    [InlineData("2026-01", 200, "2026-01")]
    [InlineData("2025-04", 200, "2026-01")]
    [InlineData("2031-13", 404, null)]
    [InlineData("latest", 404, null)]
    public async Task The_response_names_the_version_that_answered(string requested, int status, string? served)
    {
        var response = await _emulator.AdminClient().PostAsJsonAsync($"/admin/api/{requested}/graphql.json", new { query = "{ shop { name } }" });
        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        if (served is not null)
            Assert.Equal(served, response.Headers.GetValues("X-Shopify-API-Version").Single());
    }

    private static long Id(string gid) => long.Parse(gid[(gid.LastIndexOf('/') + 1)..]);
}
