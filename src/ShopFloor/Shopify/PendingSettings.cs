using ShopFloor.Shopify.Connection;

namespace ShopFloor.Shopify;

/// <summary>The edits waiting for Apply, in the words of the store page's switches: "Inventory sync: on → off".</summary>
public static class PendingSettings
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        [nameof(StoreSettings.ImportNonPhysicalAsServices)] = "Import non-physical products as services",
        [nameof(StoreSettings.ImportCostPerItem)] = "Import cost per item as purchase price",
        [nameof(StoreSettings.ProductsDefaultTaxRate)] = "Products' default tax rate",
        [nameof(StoreSettings.InventorySync)] = "Inventory sync",
        [nameof(StoreSettings.ShopfloorOrdersCommit)] = "ShopFloor's sales orders lower Available",
        [nameof(StoreSettings.ImportPendingOrders)] = "Import payment-pending orders",
        [nameof(StoreSettings.ShippingFeeRow)] = "Shipping cost as a shipping-fee row",
        [nameof(StoreSettings.CustomItemsAsProducts)] = "Custom line items as products",
        [nameof(StoreSettings.OrdersDefaultTaxRate)] = "Orders' default tax rate",
        [nameof(StoreSettings.UpdateOrdersOnEdits)] = "Shopify order edits update the sales order",
        [nameof(StoreSettings.FollowFulfillmentLocation)] = "Fulfillment-location changes move the order",
        [nameof(StoreSettings.CreateReturns)] = "Shopify returns create return orders",
        [nameof(StoreSettings.FulfillmentSync)] = "Fulfillment sync",
    };

    public static IReadOnlyList<string> Of(StoreSettings current, StoreSettings? staged) =>
        staged is null ? [] : typeof(StoreSettings).GetProperties()
            .Where(p => !Equals(p.GetValue(current), p.GetValue(staged)))
            .Select(p => $"{Labels.GetValueOrDefault(p.Name, p.Name)}: {Text(p.GetValue(current))} → {Text(p.GetValue(staged))}")
            .ToList();

    private static string Text(object? value) => value switch
    {
        null => "none",
        true => "on",
        false => "off",
        decimal rate => $"{rate:0.##} %",
        var other => other.ToString() ?? "",
    };
}
