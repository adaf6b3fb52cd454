using System.Text.Json;

namespace ShopFloor.ShopifyEmulator.Tests;

/// <summary>
/// #12: the Shopify-side changes an app must notice — locations deactivated or deleted, SKUs edited, products
/// deleted — with the rules of the 2026-10 schema and the locations/*, products/* and inventory_items/* webhooks
/// in the REST shape of shared/fixtures/shopify/legacy-rest.
/// </summary>
public sealed class LocationAndCatalogTests : EmulatorWithReceiver
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var topic in new[] { "LOCATIONS_CREATE", "LOCATIONS_DEACTIVATE", "LOCATIONS_DELETE", "PRODUCTS_UPDATE", "PRODUCTS_DELETE", "INVENTORY_ITEMS_UPDATE" })
            await SubscribeAsync(topic);
    }

    private static JsonElement Fixture(string file, string root) =>
        JsonDocument.Parse(File.ReadAllText(Fixtures.Path(file))).RootElement.GetProperty(root);

    private async Task<JsonElement> WebhookAsync(string topic, Func<JsonElement, bool>? which = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (Receiver.Received.Where(w => w.Headers["X-Shopify-Topic"] == topic).Select(w => JsonDocument.Parse(w.Body).RootElement.Clone())
                    .FirstOrDefault(b => which?.Invoke(b) ?? true) is { ValueKind: JsonValueKind.Object } found)
                return found;
            await Task.Delay(20);
        }
        throw new Xunit.Sdk.XunitException($"no {topic} webhook arrived");
    }

    private const string Deactivate = """
        mutation($id: ID!, $to: ID, $key: String!) {
          locationDeactivate(locationId: $id, destinationLocationId: $to) @idempotent(key: $key) {
            location { isActive } locationDeactivateUserErrors { code }
          }
        }
        """;

    [Fact]
    public async Task A_stocked_location_deactivates_only_with_somewhere_for_its_stock_and_says_so_by_webhook()
    {
        var warehouse = await Api.LocationAsync("Warehouse");
        var shop = await Api.LocationAsync("Shop front");
        var item = (await Api.ProductAsync("Mug", "MUG-LOC"))[0];
        await Api.SetAvailableAsync(new { inventoryItemId = item, locationId = shop, quantity = 4, changeFromQuantity = (int?)null });
        Fixtures.AssertSameShape(Fixture("location.json", "location"), await WebhookAsync("locations/create"), "id", "name", "created_at", "updated_at", "country_code");

        var withoutKey = await Api.SendAsync("mutation($id: ID!) { locationDeactivate(locationId: $id) { location { id } } }", new { id = shop });
        Assert.Equal("BAD_REQUEST", withoutKey.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var refused = (await Api.DataAsync(Deactivate, new { id = shop, to = (string?)null, key = "d-1" })).GetProperty("locationDeactivate");
        Assert.Equal("HAS_ACTIVE_INVENTORY_ERROR", refused.GetProperty("locationDeactivateUserErrors")[0].GetProperty("code").GetString());

        var moved = (await Api.DataAsync(Deactivate, new { id = shop, to = warehouse, key = "d-2" })).GetProperty("locationDeactivate");
        Assert.False(moved.GetProperty("location").GetProperty("isActive").GetBoolean());
        Assert.Equal(4, await Api.AvailableAsync(item, warehouse));
        var webhook = await WebhookAsync("locations/deactivate");
        Assert.False(webhook.GetProperty("active").GetBoolean());
        Assert.Equal($"gid://shopify/Location/{webhook.GetProperty("id").GetInt64()}", shop);
    }

    [Fact]
    public async Task Only_an_inactive_location_can_be_deleted()
    {
        var spare = await Api.LocationAsync("Spare");
        const string delete = "mutation($id: ID!) { locationDelete(locationId: $id) { deletedLocationId locationDeleteUserErrors { code } } }";
        var active = (await Api.DataAsync(delete, new { id = spare })).GetProperty("locationDelete");
        Assert.Equal("LOCATION_IS_ACTIVE", active.GetProperty("locationDeleteUserErrors")[0].GetProperty("code").GetString());

        await Api.DataAsync(Deactivate, new { id = spare, to = (string?)null, key = "d-3" });
        var deleted = (await Api.DataAsync(delete, new { id = spare })).GetProperty("locationDelete");
        Assert.Equal(spare, deleted.GetProperty("deletedLocationId").GetString());
        Assert.Equal($"gid://shopify/Location/{(await WebhookAsync("locations/delete")).GetProperty("id").GetInt64()}", spare);
        var listed = (await Api.DataAsync("{ locations(first: 10, includeInactive: true) { nodes { id } } }")).GetProperty("locations").GetProperty("nodes");
        Assert.DoesNotContain(listed.EnumerateArray(), l => l.GetProperty("id").GetString() == spare);
    }

    [Fact]
    public async Task A_sku_edit_sends_products_update_and_inventory_items_update_with_the_new_sku()
    {
        await Api.LocationAsync("Warehouse");
        var item = (await Api.ProductAsync("Vase", "VASE-OLD"))[0];
        var variant = (await Api.DataAsync("{ productVariants(first: 1, query: \"sku:VASE-OLD\") { nodes { id product { id } } } }"))
            .GetProperty("productVariants").GetProperty("nodes")[0];
        var result = await Api.DataAsync("""
            mutation($product: ID!, $variants: [ProductVariantsBulkInput!]!) {
              productVariantsBulkUpdate(productId: $product, variants: $variants) { productVariants { sku } userErrors { message } }
            }
            """, new { product = variant.GetProperty("product").GetProperty("id").GetString(), variants = new[] { new { id = variant.GetProperty("id").GetString(), inventoryItem = new { sku = "VASE-NEW" } } } });
        Assert.Equal("VASE-NEW", result.GetProperty("productVariantsBulkUpdate").GetProperty("productVariants")[0].GetProperty("sku").GetString());

        // the products/update of the variant's creation may come too: the one of the edit names the new SKU
        var product = await WebhookAsync("products/update", b => b.GetProperty("variants")[0].GetProperty("sku").GetString() == "VASE-NEW");
        var fixture = Fixture("product.json", "product");
        Fixtures.AssertSameShape(fixture, product, "id", "title", "handle", "created_at", "updated_at", "vendor", "product_type", "tags", "variants", "options", "images");
        Fixtures.AssertSameShape(fixture.GetProperty("variants")[0], product.GetProperty("variants")[0], "id", "product_id", "sku", "price", "title", "position", "inventory_quantity");
        Assert.Equal("VASE-NEW", product.GetProperty("variants")[0].GetProperty("sku").GetString());
        var inventoryItem = await WebhookAsync("inventory_items/update");
        Fixtures.AssertSameShape(Fixture("inventory_item.json", "inventory_item"), inventoryItem, "id", "sku", "created_at", "updated_at", "tracked");
        Assert.Equal(item, $"gid://shopify/InventoryItem/{inventoryItem.GetProperty("id").GetInt64()}");
    }

    [Fact]
    public async Task A_deleted_product_is_gone_from_theApi_and_announced()
    {
        await Api.LocationAsync("Warehouse");
        await Api.ProductAsync("Bowl", "BOWL-1");
        var product = (await Api.DataAsync("{ products(first: 1) { nodes { id } } }")).GetProperty("products").GetProperty("nodes")[0].GetProperty("id").GetString();
        var deleted = await Api.DataAsync("mutation($id: ID!) { productDelete(input: {id: $id}) { deletedProductId userErrors { message } } }", new { id = product });
        Assert.Equal(product, deleted.GetProperty("productDelete").GetProperty("deletedProductId").GetString());
        Assert.Equal(JsonValueKind.Null, (await Api.DataAsync("query($id: ID!) { product(id: $id) { id } }", new { id = product })).GetProperty("product").ValueKind);
        Assert.Equal(product, $"gid://shopify/Product/{(await WebhookAsync("products/delete")).GetProperty("id").GetInt64()}");
    }
}
