using System.Globalization;
using System.Text.Json;

namespace ShopFloor.Shopify.Orders;

public sealed record ShopifyOrderCustomer(string Id, string? FirstName, string? LastName, string? Email, string? Phone);

/// <summary>A line item; <see cref="VariantId"/> and <see cref="Sku"/> are null for a custom item.</summary>
public sealed record ShopifyLineItem(
    string Id, string? Sku, string Title, int CurrentQuantity, bool RequiresShipping, decimal Price,
    string? VariantId, string? InventoryItemId, bool Tracked)
{
    public bool IsCustom => VariantId is null && string.IsNullOrEmpty(Sku);
}

public sealed record ShopifyShippingLine(string Title, decimal Price);

public sealed record ShopifyFulfillmentOrder(string Id, string Status, string LocationId, IReadOnlyList<string> LineItemIds);

public sealed record ShopifyFulfillmentLine(string LineItemId, int Quantity);

public sealed record ShopifyFulfillment(string Id, string? Company, string? Number, string? Url, IReadOnlyList<ShopifyFulfillmentLine> Lines);

/// <summary>One Shopify order as <see cref="OrderReader"/> reads it, whole: what the order sync decides and acts on.</summary>
public sealed record ShopifyOrder(
    string Id, string Name, string? Email, DateTime CreatedAt, DateTime UpdatedAt, bool Closed, bool Cancelled,
    string FinancialStatus, string FulfillmentStatus, string? Currency, bool TaxesIncluded, string? Note,
    ShopifyOrderCustomer? Customer, IReadOnlyList<ShopifyLineItem> LineItems,
    IReadOnlyList<ShopifyShippingLine> ShippingLines, IReadOnlyList<ShopifyFulfillmentOrder> FulfillmentOrders,
    IReadOnlyList<ShopifyFulfillment> Fulfillments)
{
    /// <summary>The Shopify location a line item ships from: its fulfillment order's assigned location.</summary>
    public string? LocationOf(string lineItemId) =>
        FulfillmentOrders.Where(f => f.Status != "CANCELLED").FirstOrDefault(f => f.LineItemIds.Contains(lineItemId))?.LocationId
        ?? FulfillmentOrders.FirstOrDefault(f => f.LineItemIds.Contains(lineItemId))?.LocationId;

    public static ShopifyOrder Parse(JsonElement o) => new(
        o.GetProperty("id").GetString()!,
        o.GetProperty("name").GetString() ?? "",
        Text(o, "email"),
        o.GetProperty("createdAt").GetDateTime().ToUniversalTime(),
        o.GetProperty("updatedAt").GetDateTime().ToUniversalTime(),
        o.GetProperty("closed").GetBoolean(),
        o.GetProperty("cancelledAt").ValueKind != JsonValueKind.Null,
        Text(o, "displayFinancialStatus") ?? "PENDING",
        Text(o, "displayFulfillmentStatus") ?? "UNFULFILLED",
        Text(o, "currencyCode"),
        o.GetProperty("taxesIncluded").GetBoolean(),
        Text(o, "note"),
        o.GetProperty("customer") is { ValueKind: JsonValueKind.Object } c
            ? new ShopifyOrderCustomer(c.GetProperty("id").GetString()!, Text(c, "firstName"), Text(c, "lastName"), Text(c, "email"), Text(c, "phone"))
            : null,
        Nodes(o.GetProperty("lineItems")).Select(LineItem).ToList(),
        Nodes(o.GetProperty("shippingLines")).Select(s => new ShopifyShippingLine(Text(s, "title") ?? "Shipping",
            Money(s.GetProperty("originalPriceSet")))).ToList(),
        Nodes(o.GetProperty("fulfillmentOrders")).Select(f => new ShopifyFulfillmentOrder(
            f.GetProperty("id").GetString()!, f.GetProperty("status").GetString()!,
            f.GetProperty("assignedLocation").GetProperty("location").GetProperty("id").GetString()!,
            Nodes(f.GetProperty("lineItems")).Select(l => l.GetProperty("lineItem").GetProperty("id").GetString()!).ToList())).ToList(),
        o.GetProperty("fulfillments").EnumerateArray().Select(f => new ShopifyFulfillment(
            f.GetProperty("id").GetString()!,
            f.GetProperty("trackingInfo").EnumerateArray().Select(t => Text(t, "company")).FirstOrDefault(),
            f.GetProperty("trackingInfo").EnumerateArray().Select(t => Text(t, "number")).FirstOrDefault(),
            f.GetProperty("trackingInfo").EnumerateArray().Select(t => Text(t, "url")).FirstOrDefault(),
            Nodes(f.GetProperty("fulfillmentLineItems")).Select(l => new ShopifyFulfillmentLine(
                l.GetProperty("lineItem").GetProperty("id").GetString()!, l.GetProperty("quantity").GetInt32())).ToList())).ToList());

    private static ShopifyLineItem LineItem(JsonElement l)
    {
        var variant = l.GetProperty("variant");
        var item = variant.ValueKind == JsonValueKind.Object ? variant.GetProperty("inventoryItem") : default;
        return new ShopifyLineItem(
            l.GetProperty("id").GetString()!,
            Text(l, "sku") is { Length: > 0 } sku ? sku : null,
            Text(l, "title") ?? "",
            l.GetProperty("currentQuantity").GetInt32(),
            l.GetProperty("requiresShipping").GetBoolean(),
            Money(l.GetProperty("originalUnitPriceSet")),
            variant.ValueKind == JsonValueKind.Object ? variant.GetProperty("id").GetString() : null,
            item.ValueKind == JsonValueKind.Object ? item.GetProperty("id").GetString() : null,
            item.ValueKind == JsonValueKind.Object && item.GetProperty("tracked").GetBoolean());
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement connection) => connection.GetProperty("nodes").EnumerateArray();

    private static decimal Money(JsonElement set) =>
        decimal.Parse(set.GetProperty("shopMoney").GetProperty("amount").GetString() ?? "0", CultureInfo.InvariantCulture);

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
