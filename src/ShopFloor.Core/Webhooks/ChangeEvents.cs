using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ShopFloor.Core.Buying;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Making;
using ShopFloor.Core.Sales;

namespace ShopFloor.Core.Webhooks;

/// <summary>Katana's events, read off the change tracker before a save.</summary>
internal static partial class ChangeEvents
{
    public const string Inventory = "current_inventory";

    public static List<ChangeEvent> Detect(ChangeTracker tracker)
    {
        var events = new List<ChangeEvent>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            switch (entry.Entity)
            {
                case SalesOrder order:
                    Document(events, entry, "sales_order", "sales_orders", order.Status, SalesOrderStatus.Packed, SalesOrderStatus.Delivered);
                    break;
                case PurchaseOrder order:
                    Document(events, entry, "purchase_order", "purchase_orders", order.Status, PurchaseOrderStatus.PartiallyReceived, PurchaseOrderStatus.Received);
                    break;
                case ManufacturingOrder order:
                    Document(events, entry, "manufacturing_order", "manufacturing_orders", order.Status, ManufacturingStatus.InProgress, ManufacturingStatus.Done);
                    break;
                case Item { Kind: ItemKind.Product or ItemKind.Material } item:
                    var type = item.Kind == ItemKind.Product ? "product" : "material";
                    Record(events, entry, type, type + "s");
                    break;
                case Variant:
                    Record(events, entry, "variant", "variants");
                    break;
                case BomRow:
                    Record(events, entry, "product_recipe_row", "bom_rows");
                    break;
                case StockLevel level when entry.State == EntityState.Modified && StockMoved(entry):
                    var stockStatus = level.InStock > 0 ? "IN_STOCK" : "OUT_OF_STOCK";
                    events.Add(new ChangeEvent(entry, Inventory, "updated", stockStatus, null, level.VariantId));
                    if (entry.Property(nameof(StockLevel.InStock)).OriginalValue is > 0m && level.InStock <= 0)
                        events.Add(new ChangeEvent(entry, Inventory, "out_of_stock", stockStatus, null, level.VariantId));
                    break;
            }
        }
        return events;
    }

    /// <summary>
    /// A record without a status of its own: Katana's payload requires one, so it is ACTIVE, ARCHIVED (an archived
    /// item) or DELETED.
    /// </summary>
    private static void Record(List<ChangeEvent> events, EntityEntry entry, string type, string collection)
    {
        var status = entry.State == EntityState.Deleted ? "DELETED" : entry.Entity is Item { ArchivedAt: not null } ? "ARCHIVED" : "ACTIVE";
        events.Add(new ChangeEvent(entry, type, $"{type}.{Verb(entry.State)}", status, entry.State == EntityState.Deleted ? null : collection));
    }

    /// <summary>created / updated / deleted, and an event of its own for each status Katana names (packed, done…).</summary>
    private static void Document<TStatus>(List<ChangeEvent> events, EntityEntry entry, string type, string collection, TStatus status,
        params TStatus[] named) where TStatus : struct, Enum
    {
        var text = Upper(status);
        events.Add(new ChangeEvent(entry, type, $"{type}.{Verb(entry.State)}", text, entry.State == EntityState.Deleted ? null : collection));
        var statusChanged = entry.State == EntityState.Added || (entry.State == EntityState.Modified && entry.Property("Status").IsModified
            && !Equals(entry.Property("Status").OriginalValue, status));
        if (statusChanged && named.Contains(status))
            events.Add(new ChangeEvent(entry, type, $"{type}.{text.ToLowerInvariant()}", text, collection));
    }

    private static bool StockMoved(EntityEntry entry) =>
        new[] { nameof(StockLevel.InStock), nameof(StockLevel.Committed), nameof(StockLevel.Expected) }
            .Any(p => entry.Property(p) is { IsModified: true } property && !Equals(property.OriginalValue, property.CurrentValue));

    private static string Verb(EntityState state) => state switch
    {
        EntityState.Added => "created",
        EntityState.Deleted => "deleted",
        _ => "updated",
    };

    private static string Upper<TStatus>(TStatus status) where TStatus : struct, Enum =>
        WordStart().Replace(status.ToString(), "_$1").ToUpperInvariant();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordStart();
}
