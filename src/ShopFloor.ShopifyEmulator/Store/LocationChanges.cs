using System.Globalization;
using ShopFloor.ShopifyEmulator.Webhooks;

namespace ShopFloor.ShopifyEmulator.Store;

/// <summary>
/// A merchant adding, deactivating, reactivating and deleting locations, with Shopify's rules (a location with
/// stock or open fulfillment orders cannot be deactivated unless its stock moves elsewhere; only an inactive one
/// can be deleted) and its locations/* webhooks.
/// </summary>
public sealed class LocationChanges(WebhookDispatcher webhooks)
{
    public ShopLocation Add(Shop shop, string name, bool fulfillsOnlineOrders, DateTime now)
    {
        if (shop.Locations.Any(l => l.Name == name))
            throw new StoreException("input.name", "Name has already been taken", "TAKEN");
        var location = shop.AddLocation(name, now);
        location.FulfillsOnlineOrders = fulfillsOnlineOrders;
        webhooks.Publish(shop, "locations/create", Payload(location));
        return location;
    }

    public void Deactivate(Shop shop, ShopLocation location, ShopLocation? destination, DateTime now)
    {
        if (destination == location)
            throw new StoreException("destinationLocationId", "The destination location can't be the location being deactivated.", "DESTINATION_LOCATION_IS_THE_SAME_LOCATION");
        if (destination is { IsActive: false })
            throw new StoreException("destinationLocationId", "The destination location isn't found or isn't active.", "DESTINATION_LOCATION_NOT_FOUND_OR_INACTIVE");
        if (shop.Orders.Any(o => o.FulfillmentOrders.Any(f => f.Location == location && f.Status is "OPEN" or "IN_PROGRESS")))
            throw new StoreException("locationId", "Location could not be deactivated because it has open fulfillment orders.", "HAS_FULFILLMENT_ORDERS_ERROR");
        var stocked = shop.InventoryLevels.Where(l => l.Location == location && l.OnHand != 0).ToList();
        if (stocked.Count > 0 && destination is null)
            throw new StoreException("locationId", "Location could not be deactivated without specifying where to relocate inventory stocked at the location.",
                "HAS_ACTIVE_INVENTORY_ERROR");
        foreach (var level in stocked)
        {
            var target = shop.Level(level.Item.Id, destination!.Id)!;
            target.Available += level.Available;
            (level.Available, target.UpdatedAt, level.UpdatedAt) = (0, now, now);
        }
        location.IsActive = false;
        location.UpdatedAt = now;
        webhooks.Publish(shop, "locations/deactivate", Payload(location));
    }

    public void Activate(Shop shop, ShopLocation location, DateTime now)
    {
        location.IsActive = true;
        location.UpdatedAt = now;
        webhooks.Publish(shop, "locations/activate", Payload(location));
    }

    public void Delete(Shop shop, ShopLocation location)
    {
        if (location.IsActive)
            throw new StoreException("locationId", "The location cannot be deleted while it is active.", "LOCATION_IS_ACTIVE");
        shop.RemoveLocation(location);
        webhooks.Publish(shop, "locations/delete", new Dictionary<string, object?> { ["id"] = location.Id });
    }

    /// <summary>The REST shape (shared/fixtures/shopify/legacy-rest/location.json), with active and the GraphQL id.</summary>
    public static object Payload(ShopLocation location) => new Dictionary<string, object?>
    {
        ["id"] = location.Id,
        ["name"] = location.Name,
        ["address1"] = null,
        ["address2"] = null,
        ["city"] = null,
        ["zip"] = null,
        ["province"] = null,
        ["country"] = "US",
        ["phone"] = null,
        ["created_at"] = location.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["updated_at"] = location.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["country_code"] = "US",
        ["country_name"] = "United States",
        ["province_code"] = null,
        ["active"] = location.IsActive,
        ["admin_graphql_api_id"] = $"gid://shopify/Location/{location.Id}",
    };
}
