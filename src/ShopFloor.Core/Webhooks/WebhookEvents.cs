using ShopFloor.Core.Common;

namespace ShopFloor.Core.Webhooks;

/// <summary>
/// The events ShopFloor raises, named as Katana names them. A subscription to one of Katana's other events (batches,
/// outsourcing, operations) is refused rather than accepted and never sent.
/// </summary>
public static class WebhookEvents
{
    public static readonly IReadOnlyList<string> Raised =
    [
        "sales_order.created", "sales_order.updated", "sales_order.deleted", "sales_order.packed", "sales_order.delivered",
        "purchase_order.created", "purchase_order.updated", "purchase_order.deleted", "purchase_order.partially_received", "purchase_order.received",
        "manufacturing_order.created", "manufacturing_order.updated", "manufacturing_order.deleted", "manufacturing_order.in_progress",
        "manufacturing_order.done",
        "product.created", "product.updated", "product.deleted", "material.created", "material.updated", "material.deleted",
        "variant.created", "variant.updated", "variant.deleted",
        "product_recipe_row.created", "product_recipe_row.updated", "product_recipe_row.deleted",
        "current_inventory.product_updated", "current_inventory.material_updated",
        "current_inventory.product_out_of_stock", "current_inventory.material_out_of_stock",
    ];

    private static readonly HashSet<string> Known = [.. Raised];

    public static List<string> Checked(IReadOnlyCollection<string> events)
    {
        if (events.Count == 0)
            throw new ValidationFailedException("subscribed_events", "needs at least one event");
        if (events.FirstOrDefault(e => !Known.Contains(e)) is { } unknown)
            throw new ValidationFailedException("subscribed_events", $"'{unknown}' is not an event ShopFloor raises; it raises {string.Join(", ", Raised)}");
        return [.. events.Distinct()];
    }
}
