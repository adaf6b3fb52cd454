using System.Globalization;
using System.Text.Json;

namespace ShopFloor.Shopify.Orders;

public sealed record ShopifyOrderCustomer(string Id, string? FirstName, string? LastName, string? Email, string? Phone);

/// <summary>
/// A line item; <see cref="VariantId"/> and <see cref="Sku"/> are null for a custom item. <see cref="Price"/> is the
/// list price, <see cref="DiscountedPrice"/> what a unit sells for after every discount (line and order-level);
/// <see cref="TaxRatePercent"/> the sum of its tax lines' rates, null when Shopify sent none.
/// </summary>
public sealed record ShopifyLineItem(
    string Id, string? Sku, string Title, int CurrentQuantity, bool RequiresShipping, decimal Price,
    string? VariantId, string? InventoryItemId, bool Tracked,
    decimal DiscountedPrice = 0, decimal? TaxRatePercent = null, IReadOnlyList<(string Name, string Value)>? Properties = null)
{
    public bool IsCustom => VariantId is null && string.IsNullOrEmpty(Sku);
}

public sealed record ShopifyShippingLine(string Title, decimal Price, decimal DiscountedPrice = 0, decimal? TaxRatePercent = null);

public sealed record ShopifyAddress(
    string? FirstName, string? LastName, string? Company, string? Phone, string? Address1, string? Address2, string? City, string? Province,
    string? Zip, string? Country);

public sealed record ShopifyFulfillmentOrder(string Id, string Status, string LocationId, IReadOnlyList<string> LineItemIds);

public sealed record ShopifyFulfillmentLine(string LineItemId, int Quantity);

public sealed record ShopifyFulfillment(string Id, string? Company, string? Number, string? Url, IReadOnlyList<ShopifyFulfillmentLine> Lines);

/// <summary>One Shopify order as <see cref="OrderReader"/> reads it, whole: what the order sync decides and acts on.</summary>
public sealed record ShopifyOrder(
    string Id, string Name, string? Email, DateTime CreatedAt, DateTime UpdatedAt, bool Closed, bool Cancelled,
    string FinancialStatus, string FulfillmentStatus, string? Currency, bool TaxesIncluded, string? Note,
    ShopifyOrderCustomer? Customer, IReadOnlyList<ShopifyLineItem> LineItems,
    IReadOnlyList<ShopifyShippingLine> ShippingLines, IReadOnlyList<ShopifyFulfillmentOrder> FulfillmentOrders,
    IReadOnlyList<ShopifyFulfillment> Fulfillments, IReadOnlyList<string>? Tags = null, ShopifyAddress? ShippingAddress = null,
    ShopifyAddress? BillingAddress = null)
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
            Money(s.GetProperty("originalPriceSet")), Money(s.GetProperty("discountedPriceSet")), Rate(s.GetProperty("taxLines")))).ToList(),
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
                l.GetProperty("lineItem").GetProperty("id").GetString()!, l.GetProperty("quantity").GetInt32())).ToList())).ToList(),
        o.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToList(),
        Address(o.GetProperty("shippingAddress")),
        Address(o.GetProperty("billingAddress")));

    private static ShopifyAddress? Address(JsonElement a) => a.ValueKind != JsonValueKind.Object ? null : new(
        Text(a, "firstName"), Text(a, "lastName"), Text(a, "company"), Text(a, "phone"), Text(a, "address1"), Text(a, "address2"), Text(a, "city"),
        Text(a, "provinceCode"), Text(a, "zip"), Text(a, "countryCodeV2"));

    /// <summary>Several tax lines (state and county, say) add up to the line's rate.</summary>
    private static decimal? Rate(JsonElement taxLines) =>
        taxLines.GetArrayLength() == 0 ? null : taxLines.EnumerateArray().Sum(t => t.GetProperty("ratePercentage").ValueKind == JsonValueKind.Number
            ? Math.Round(t.GetProperty("ratePercentage").GetDecimal(), 4) : 0m);

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
            item.ValueKind == JsonValueKind.Object && item.GetProperty("tracked").GetBoolean(),
            Money(l.GetProperty("discountedUnitPriceAfterAllDiscountsSet")),
            Rate(l.GetProperty("taxLines")),
            l.GetProperty("customAttributes").EnumerateArray().Select(a => (Text(a, "key") ?? "", Text(a, "value") ?? "")).ToList());
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement connection) => connection.GetProperty("nodes").EnumerateArray();

    private static decimal Money(JsonElement set) =>
        decimal.Parse(set.GetProperty("shopMoney").GetProperty("amount").GetString() ?? "0", CultureInfo.InvariantCulture);

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
