using System.Text.Json;
using ShopFloor.Shopify.Client;

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

/// <summary>A fulfillment order; <see cref="LineItemIds"/> is null when it is the order's only one, so every line ships from it.</summary>
public sealed record ShopifyFulfillmentOrder(string Id, string Status, string LocationId, IReadOnlyList<string>? LineItemIds)
{
    public bool Holds(string lineItemId) => LineItemIds?.Contains(lineItemId) ?? true;
}

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
        FulfillmentOrders.Where(f => f.Status != "CANCELLED").FirstOrDefault(f => f.Holds(lineItemId))?.LocationId
        ?? FulfillmentOrders.FirstOrDefault(f => f.Holds(lineItemId))?.LocationId;

    public static ShopifyOrder Parse(JsonElement order) => From(ShopifyJson.Read<OrderNode>(order));

    public static ShopifyOrder From(OrderNode o) => new(
        o.Id, o.Name ?? "", o.Email, o.CreatedAt.ToUniversalTime(), o.UpdatedAt.ToUniversalTime(), o.Closed, o.CancelledAt is not null,
        o.DisplayFinancialStatus ?? "PENDING", o.DisplayFulfillmentStatus ?? "UNFULFILLED", o.CurrencyCode, o.TaxesIncluded, o.Note,
        o.Customer is { } c ? new ShopifyOrderCustomer(c.Id, c.FirstName, c.LastName, c.Email, c.Phone) : null,
        o.LineItems.Nodes.Select(LineItem).ToList(),
        o.ShippingLines.Nodes.Select(s => new ShopifyShippingLine(s.Title ?? "Shipping", s.OriginalPriceSet.Amount, s.DiscountedPriceSet.Amount, Rate(s.TaxLines))).ToList(),
        o.FulfillmentOrders.Nodes.Select(f => new ShopifyFulfillmentOrder(f.Id, f.Status, f.AssignedLocation.Location.Id,
            f.LineItems?.Nodes.Select(l => l.LineItem.Id).ToList())).ToList(),
        (o.Fulfillments ?? []).Select(f => new ShopifyFulfillment(f.Id,
            f.TrackingInfo.Select(t => t.Company).FirstOrDefault(), f.TrackingInfo.Select(t => t.Number).FirstOrDefault(), f.TrackingInfo.Select(t => t.Url).FirstOrDefault(),
            f.FulfillmentLineItems.Nodes.Select(l => new ShopifyFulfillmentLine(l.LineItem.Id, l.Quantity)).ToList())).ToList(),
        o.Tags ?? [],
        Address(o.ShippingAddress),
        Address(o.BillingAddress));

    private static ShopifyAddress? Address(AddressNode? a) => a is null ? null : new(
        a.FirstName, a.LastName, a.Company, a.Phone, a.Address1, a.Address2, a.City, a.ProvinceCode, a.Zip, a.CountryCodeV2);

    /// <summary>Several tax lines (state and county, say) add up to the line's rate.</summary>
    private static decimal? Rate(IReadOnlyList<TaxLineNode> taxLines) =>
        taxLines.Count == 0 ? null : taxLines.Sum(t => t.RatePercentage is { } rate ? Math.Round(rate, 4) : 0m);

    private static ShopifyLineItem LineItem(LineItemNode l) => new(
        l.Id,
        l.Sku is { Length: > 0 } sku ? sku : null,
        l.Title ?? "",
        l.CurrentQuantity,
        l.RequiresShipping,
        l.OriginalUnitPriceSet.Amount,
        l.Variant?.Id,
        l.Variant?.InventoryItem?.Id,
        l.Variant?.InventoryItem?.Tracked ?? false,
        l.DiscountedUnitPriceAfterAllDiscountsSet.Amount,
        Rate(l.TaxLines),
        l.CustomAttributes.Select(a => (a.Key ?? "", a.Value ?? "")).ToList());
}
