namespace ShopFloor.ShopifyEmulator.Tests;

/// <summary>inventorySetQuantities as SHOPIFY-FACTS and the 2026-10 schema describe it.</summary>
public sealed class InventoryTests : IAsyncLifetime
{
    private EmulatorServer _emulator = null!;
    private AdminApi _api = null!;
    private string _location = "";
    private List<string> _items = [];

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync();
        _api = new AdminApi(_emulator.AdminClient());
        _location = await _api.LocationAsync("Warehouse");
        _items = await _api.ProductAsync("Mug", "MUG-RED", "MUG-BLUE");
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private object Quantity(int item, int quantity, int? changeFrom = null) =>
        new { inventoryItemId = _items[item], locationId = _location, quantity, changeFromQuantity = changeFrom };

    [Fact]
    public async Task Setting_available_moves_on_hand_by_the_same_amount_and_reports_the_changes()
    {
        var result = await _api.SetAvailableAsync(Quantity(0, 7));
        Assert.Empty(result.GetProperty("userErrors").EnumerateArray());
        var changes = result.GetProperty("inventoryAdjustmentGroup").GetProperty("changes");
        Assert.Contains(changes.EnumerateArray(), c => c.GetProperty("name").GetString() == "available" && c.GetProperty("delta").GetInt32() == 7);
        Assert.Contains(changes.EnumerateArray(), c => c.GetProperty("name").GetString() == "on_hand" && c.GetProperty("quantityAfterChange").GetInt32() == 7);
        Assert.Equal(7, await _api.AvailableAsync(_items[0], _location));
    }

    [Fact] // changeFromQuantity is the compare-and-set guard; a mismatch is CHANGE_FROM_QUANTITY_STALE and the call changes nothing
    public async Task A_stale_change_from_quantity_fails_the_whole_call()
    {
        await _api.SetAvailableAsync(Quantity(0, 5), Quantity(1, 5));
        var result = await _api.SetAvailableAsync(Quantity(0, 9, changeFrom: 5), Quantity(1, 9, changeFrom: 4));
        Assert.Equal("CHANGE_FROM_QUANTITY_STALE", result.GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal(5, await _api.AvailableAsync(_items[0], _location));
        Assert.Equal(5, await _api.AvailableAsync(_items[1], _location));

        var matching = await _api.SetAvailableAsync(Quantity(0, 9, changeFrom: 5), Quantity(1, 9, changeFrom: null));
        Assert.Empty(matching.GetProperty("userErrors").EnumerateArray());
        Assert.Equal(9, await _api.AvailableAsync(_items[1], _location));
    }

    [Fact]
    public async Task The_same_item_and_location_twice_in_one_call_is_refused()
    {
        var result = await _api.SetAvailableAsync(Quantity(0, 1), Quantity(0, 2));
        Assert.Equal("NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR", result.GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Quantities_beyond_a_billion_and_unknown_items_are_refused()
    {
        var tooHigh = await _api.SetAvailableAsync(Quantity(0, 1_000_000_001));
        Assert.Equal("INVALID_QUANTITY_TOO_HIGH", tooHigh.GetProperty("userErrors")[0].GetProperty("code").GetString());
        var unknown = await _api.SetAvailableAsync(new { inventoryItemId = "gid://shopify/InventoryItem/1", locationId = _location, quantity = 1, changeFromQuantity = (int?)null });
        Assert.Equal("INVALID_INVENTORY_ITEM", unknown.GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact] // input arrays hold at most 250 items
    public async Task More_than_250_quantities_in_one_call_are_refused()
    {
        var many = Enumerable.Range(0, 251).Select(_ => Quantity(0, 1)).ToArray();
        var result = await _api.SetAvailableAsync(many);
        Assert.NotEmpty(result.GetProperty("userErrors").EnumerateArray());
        Assert.Equal(0, await _api.AvailableAsync(_items[0], _location));
    }

    [Fact]
    public async Task Variants_are_found_by_sku()
    {
        var found = await _api.DataAsync("{ productVariants(first: 5, query: \"sku:MUG-BLUE\") { nodes { sku inventoryItem { id } } } }");
        var node = found.GetProperty("productVariants").GetProperty("nodes").EnumerateArray().Single();
        Assert.Equal(_items[1], node.GetProperty("inventoryItem").GetProperty("id").GetString());
    }
}
