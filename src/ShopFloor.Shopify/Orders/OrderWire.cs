using ShopFloor.Shopify.Client;

namespace ShopFloor.Shopify.Orders;

// The order as the Order query (and the paging documents joined into it) selects it: Shopify's own field names.

public sealed record OrderNode(
    string Id, string? Name, string? Email, DateTime CreatedAt, DateTime UpdatedAt, bool Closed, DateTime? CancelledAt,
    string? DisplayFinancialStatus, string? DisplayFulfillmentStatus, string? CurrencyCode, bool TaxesIncluded, string? Note,
    IReadOnlyList<string>? Tags, CustomerNode? Customer, AddressNode? ShippingAddress, AddressNode? BillingAddress,
    Connection<LineItemNode> LineItems, Connection<ShippingLineNode> ShippingLines, Connection<FulfillmentOrderNode> FulfillmentOrders,
    IReadOnlyList<FulfillmentNode>? Fulfillments);

public sealed record AddressNode(
    string? FirstName, string? LastName, string? Company, string? Phone, string? Address1, string? Address2, string? City,
    string? ProvinceCode, string? Zip, string? CountryCodeV2);

public sealed record TaxLineNode(decimal? RatePercentage);

public sealed record AttributeNode(string? Key, string? Value);

public sealed record InventoryItemNode(string Id, bool Tracked);

public sealed record LineItemVariantNode(string Id, InventoryItemNode? InventoryItem);

public sealed record LineItemNode(
    string Id, string? Sku, string? Title, int CurrentQuantity, bool RequiresShipping, MoneyBag OriginalUnitPriceSet,
    MoneyBag DiscountedUnitPriceAfterAllDiscountsSet, IReadOnlyList<TaxLineNode> TaxLines, IReadOnlyList<AttributeNode> CustomAttributes,
    LineItemVariantNode? Variant);

public sealed record ShippingLineNode(string? Title, MoneyBag OriginalPriceSet, MoneyBag DiscountedPriceSet, IReadOnlyList<TaxLineNode> TaxLines);

public sealed record AssignedLocationNode(IdOnly Location);

public sealed record FulfillmentOrderLineNode(IdOnly LineItem);

/// <summary><see cref="LineItems"/> is read only when the order has several fulfillment orders.</summary>
public sealed record FulfillmentOrderNode(string Id, string Status, AssignedLocationNode AssignedLocation, Connection<FulfillmentOrderLineNode>? LineItems);

public sealed record TrackingInfoNode(string? Company, string? Number, string? Url);

public sealed record FulfillmentLineNode(int Quantity, IdOnly LineItem);

public sealed record FulfillmentNode(string Id, IReadOnlyList<TrackingInfoNode> TrackingInfo, Connection<FulfillmentLineNode> FulfillmentLineItems);
