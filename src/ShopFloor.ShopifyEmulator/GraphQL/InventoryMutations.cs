using System.Globalization;
using GraphQL;
using ShopFloor.ShopifyEmulator.Store;
using ShopFloor.ShopifyEmulator.Webhooks;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>
/// inventorySetQuantities as Shopify runs it: all or nothing; at most 250 quantities; one item and location once;
/// the item must be stocked there; |quantity| ≤ 1,000,000,000; changeFromQuantity, when not null, must equal the
/// current value; setting available moves on hand by the same amount. From 2026-04 every quantity must carry
/// changeFromQuantity (null included) and the call @idempotent(key:).
/// </summary>
public static class InventoryMutations
{
    private const int MaxQuantities = 250;
    private const long MaxQuantity = 1_000_000_000;

    public const string ChangeFromMissing = "InventoryQuantityInput must include the following argument: changeFromQuantity.";

    public static void AddTo(Node root, Shop shop, string version, WebhookDispatcher webhooks, DateTime now)
    {
        var nodes = new CatalogNodes(shop);
        root.With("inventorySetQuantities", ctx =>
        {
            var input = ctx.GetArgument<Dictionary<string, object?>>("input");
            var rows = input.Objects("quantities").ToList();
            if (ApiVersions.RequiresIdempotency(version) && rows.Any(r => !r.ContainsKey("changeFromQuantity")))
                throw new ExecutionError(ChangeFromMissing) { Code = "INVALID_FIELD_ARGUMENTS" };
            return Idempotency.Run(ctx, shop, version, "InventorySetQuantitiesUserError", () => Set(shop, nodes, webhooks, input, rows, now));
        });
    }

    private static Node Set(Shop shop, CatalogNodes nodes, WebhookDispatcher webhooks, Dictionary<string, object?> input, List<IDictionary<string, object?>> rows, DateTime now)
    {
        var name = input.String("name");
        var errors = new List<Node>();
        if (name is not ("available" or "on_hand"))
            errors.Add(Error(["input", "name"], "The quantity name must be either 'available' or 'on_hand'.", "INVALID_NAME"));
        if (rows.Count > MaxQuantities)
            errors.Add(Error(["input", "quantities"], $"The input array size of {rows.Count} is greater than the maximum of {MaxQuantities}.", "INVALID_QUANTITY_TOO_HIGH"));

        var changes = new List<(ShopInventoryLevel Level, long Quantity)>();
        var seen = new HashSet<(long, long)>();
        for (var i = 0; i < rows.Count && errors.Count == 0; i++)
        {
            var row = rows[i];
            string[] at = ["input", "quantities", i.ToString(CultureInfo.InvariantCulture)];
            if (!Gid.TryId(row.String("inventoryItemId"), "InventoryItem", out var itemId) || shop.Item(itemId) is null)
                errors.Add(Error([.. at, "inventoryItemId"], "The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM"));
            else if (!Gid.TryId(row.String("locationId"), "Location", out var locationId) || shop.Locations.All(l => l.Id != locationId))
                errors.Add(Error([.. at, "locationId"], "The specified location could not be found.", "INVALID_LOCATION"));
            else if (!seen.Add((itemId, locationId)))
                errors.Add(Error([.. at], "The combination of inventoryItemId and locationId must be unique.", "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR"));
            else if (shop.Level(itemId, locationId) is not { } level)
                errors.Add(Error([.. at, "locationId"], "The specified inventory item is not stocked at the location.", "ITEM_NOT_STOCKED_AT_LOCATION"));
            else if ((long)(row.Decimal("quantity") ?? 0) is var quantity && Math.Abs(quantity) > MaxQuantity)
                errors.Add(Error([.. at, "quantity"], $"The quantity can't be higher than {MaxQuantity:N0}.",
                    quantity > 0 ? "INVALID_QUANTITY_TOO_HIGH" : "INVALID_QUANTITY_TOO_LOW"));
            else if (row.TryGetValue("changeFromQuantity", out var from) && from is not null
                     && Convert.ToInt64(from, CultureInfo.InvariantCulture) != CatalogNodes.Quantity(level, name!))
                errors.Add(Error([.. at, "changeFromQuantity"],
                    "The specified compare quantity does not match the current quantity.", "CHANGE_FROM_QUANTITY_STALE"));
            else
                changes.Add((level, quantity));
        }
        if (errors.Count > 0)
            return new Node("InventorySetQuantitiesPayload").With("inventoryAdjustmentGroup", (object?)null).With("userErrors", errors);

        var applied = new List<Node>();
        foreach (var (level, quantity) in changes)
        {
            var delta = quantity - CatalogNodes.Quantity(level, name!);
            level.Available += delta; // on hand = available + committed, so it moves by the same amount
            level.UpdatedAt = now;
            if (delta == 0)
                continue;
            applied.Add(Change(nodes, level, name!, delta));
            applied.Add(Change(nodes, level, name == "available" ? "on_hand" : "available", delta));
            webhooks.Publish(shop, "inventory_levels/update", InventoryLevelPayload(level));
        }
        var group = new Node("InventoryAdjustmentGroup")
            .With("id", Gid.Of("InventoryAdjustmentGroup", shop.NextId()))
            .With("createdAt", CatalogNodes.Time(now))
            .With("reason", input.String("reason"))
            .With("referenceDocumentUri", input.String("referenceDocumentUri"))
            .With("changes", applied);
        return new Node("InventorySetQuantitiesPayload").With("inventoryAdjustmentGroup", group).With("userErrors", Array.Empty<Node>());
    }

    public static object InventoryLevelPayload(ShopInventoryLevel level) => new Dictionary<string, object?>
    {
        ["inventory_item_id"] = level.Item.Id,
        ["location_id"] = level.Location.Id,
        ["available"] = level.Available,
        ["updated_at"] = CatalogNodes.Time(level.UpdatedAt),
        ["admin_graphql_api_id"] = $"gid://shopify/InventoryLevel/{level.Location.Id}?inventory_item_id={level.Item.Id}",
    };

    private static Node Change(CatalogNodes nodes, ShopInventoryLevel level, string name, long delta) => new Node("InventoryChange")
        .With("name", name)
        .With("delta", (int)delta)
        .With("quantityAfterChange", (int)CatalogNodes.Quantity(level, name))
        .With("item", _ => nodes.InventoryItem(level.Item))
        .With("location", _ => nodes.Location(level.Location));

    private static Node Error(string[] field, string message, string code) =>
        Inputs.UserError("InventorySetQuantitiesUserError", field, message, code);
}
