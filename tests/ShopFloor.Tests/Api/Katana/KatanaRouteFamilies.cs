namespace ShopFloor.Tests.Api.Katana;

/// <summary>
/// Katana's core route families (#16), by the first segment of a route's path. Katana features ShopFloor does not
/// have — bins, batches and serial numbers, price lists, custom fields, demand forecasts, operators and users,
/// accounting metadata, outsourcing and product operations — are outside them.
/// </summary>
public static class KatanaRouteFamilies
{
    public static readonly IReadOnlyDictionary<string, string[]> Core = new Dictionary<string, string[]>
    {
        ["catalogue"] = ["products", "materials", "services", "variants", "bom_rows", "recipes", "recipe_rows"],
        ["inventory"] = ["inventory", "inventory_movements", "inventory_safety_stock_levels", "inventory_reorder_points", "negative_stock",
            "locations", "stock_adjustments", "stock_transfers", "stocktakes", "stocktake_rows"],
        ["sales"] = ["sales_orders", "sales_order_rows", "sales_order_addresses", "sales_order_fulfillments", "sales_order_shipping_fee",
            "customers", "customer_addresses", "tax_rates"],
        ["manufacturing"] = ["manufacturing_orders", "manufacturing_order_make_to_order", "manufacturing_order_unlink", "manufacturing_order_productions",
            "manufacturing_order_production_ingredients", "manufacturing_order_operation_rows", "manufacturing_order_recipe_rows"],
        ["purchasing"] = ["purchase_orders", "purchase_order_rows", "purchase_order_receive", "po_additional_cost_rows", "additional_costs",
            "suppliers", "supplier_addresses"],
        ["returns"] = ["sales_returns", "sales_return_rows"],
        ["webhooks"] = ["webhooks", "webhook_logs_export"],
    };

    public static string? FamilyOf(Route route)
    {
        var first = route.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
        return Core.FirstOrDefault(f => f.Value.Contains(first)).Key;
    }
}
