using GraphQL;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>locationAdd, locationActivate, locationDeactivate (both @idempotent from 2026-04) and locationDelete.</summary>
internal static class LocationMutations
{
    public static void AddTo(Node root, Shop shop, string version, LocationChanges changes, DateTime now)
    {
        var nodes = new CatalogNodes(shop);
        root.With("locationAdd", ctx =>
        {
            var input = ctx.GetArgument<Dictionary<string, object?>>("input");
            return Payload("LocationAddPayload", "location", "userErrors", "LocationAddUserError",
                () => nodes.Location(changes.Add(shop, input.String("name") ?? "", input.Bool("fulfillsOnlineOrders") ?? true, now)));
        });
        root.With("locationDeactivate", ctx => Idempotency.Run(ctx, shop, version, "LocationDeactivateUserError", () =>
            Payload("LocationDeactivatePayload", "location", "locationDeactivateUserErrors", "LocationDeactivateUserError", () =>
            {
                var location = Find(shop, ctx.GetArgument<string>("locationId"), "locationId");
                var destination = ctx.GetArgument<string?>("destinationLocationId") is { } to ? Find(shop, to, "destinationLocationId") : null;
                changes.Deactivate(shop, location, destination, now);
                return nodes.Location(location);
            }), "locationDeactivateUserErrors"));
        root.With("locationActivate", ctx => Idempotency.Run(ctx, shop, version, "LocationActivateUserError", () =>
            Payload("LocationActivatePayload", "location", "locationActivateUserErrors", "LocationActivateUserError", () =>
            {
                var location = Find(shop, ctx.GetArgument<string>("locationId"), "locationId");
                changes.Activate(shop, location, now);
                return nodes.Location(location);
            }), "locationActivateUserErrors"));
        root.With("locationDelete", ctx => Payload("LocationDeletePayload", "deletedLocationId", "locationDeleteUserErrors", "LocationDeleteUserError", () =>
        {
            var location = Find(shop, ctx.GetArgument<string>("locationId"), "locationId");
            changes.Delete(shop, location);
            return Gid.Of("Location", location.Id);
        }));
    }

    private static ShopLocation Find(Shop shop, string id, string field) =>
        Gid.TryId(id, "Location", out var locationId) && shop.Locations.FirstOrDefault(l => l.Id == locationId) is { } location
            ? location
            : throw new StoreException(field, "Location not found.", "LOCATION_NOT_FOUND");

    private static Node Payload(string type, string field, string errorsField, string errorType, Func<object> run)
    {
        try
        {
            return new Node(type).With(field, run()).With(errorsField, Array.Empty<Node>());
        }
        catch (StoreException e)
        {
            return new Node(type).With(field, (object?)null).With(errorsField, new[] { Inputs.UserError(errorType, e.Field.Split('.'), e.Message, e.Code) });
        }
    }
}
