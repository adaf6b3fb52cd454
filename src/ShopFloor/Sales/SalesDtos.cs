using System.Text.Json.Serialization;
using ShopFloor.Api;
using ShopFloor.Core.Sales;

namespace ShopFloor.Sales;

/// <summary>Katana's row attribute (Shopify's line-item property).</summary>
public sealed record RowAttribute(string? Key, string? Value);

public sealed record SalesRowRequest(
    long? SalesOrderId, long? VariantId, decimal? Quantity, decimal? PricePerUnit, decimal? TaxRate, string? Description, long? LocationId,
    IReadOnlyList<RowProperty?>? Properties = null, IReadOnlyList<RowAttribute?>? Attributes = null, long? TaxRateId = null,
    decimal? TotalDiscount = null);

public sealed record CreateSalesOrderRequest(
    string? OrderNo, long? CustomerId, long? LocationId, string? Status, bool? CommitsStock, string? Currency,
    string? AdditionalInfo, IReadOnlyList<SalesRowRequest?>? SalesOrderRows,
    IReadOnlyList<SalesOrderAddress?>? Addresses = null, IReadOnlyList<string?>? Tags = null,
    string? TrackingNumber = null, string? TrackingNumberUrl = null, string? CustomerRef = null,
    string? EcommerceOrderType = null, string? EcommerceStoreName = null, string? EcommerceOrderId = null, DateTime? DeliveryDate = null);

public sealed record UpdateSalesOrderRequest(
    long? CustomerId, long? LocationId, string? Status, bool? CommitsStock, long? PriorityRank, string? AdditionalInfo, DateTime? DeliveryDate = null);

public sealed record ShippingFeeRequest(long? SalesOrderId, decimal? Amount, string? Description, decimal? TaxRate, long? TaxRateId = null);

public sealed record SalesOrderRowResponse(
    long Id, long SalesOrderId, long? VariantId, string? Description, decimal Quantity, string PricePerUnit, decimal Total,
    long? TaxRateId, decimal? TaxRate, long LocationId, decimal PackedQuantity, decimal DeliveredQuantity, string ProductAvailability,
    long? LinkedManufacturingOrderId, IReadOnlyList<RowAttribute> Attributes, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static SalesOrderRowResponse From(SalesOrderRow r) => new(
        r.Id, r.SalesOrderId, r.VariantId, r.Description, r.Quantity, DecimalJsonConverter.Format(r.PricePerUnit), r.Quantity * r.PricePerUnit,
        r.TaxRateId, r.TaxRate, r.LocationId, r.Packed, r.Delivered, EnumNames.Upper(r.Availability), r.LinkedManufacturingOrderId,
        r.Properties.Select(p => new RowAttribute(p.Name, p.Value)).ToList(), r.Order?.CreatedAt ?? default, r.Order?.UpdatedAt ?? default);
}

/// <summary>/v1/sales_order_shipping_fee: the order's shipping row, in Katana's own shape.</summary>
public sealed record ShippingFeeResponse(long Id, long SalesOrderId, string Amount, long? TaxRateId, decimal? TaxRate, string? Description)
{
    public static ShippingFeeResponse From(SalesOrderRow r) =>
        new(r.Id, r.SalesOrderId, DecimalJsonConverter.Format(r.PricePerUnit * r.Quantity), r.TaxRateId, r.TaxRate, r.Description);
}

/// <summary>A sales order address; its id is the order's (billing 2n, shipping 2n + 1: one of each, as Katana).</summary>
public sealed record SalesOrderAddressResponse(
    long Id, long SalesOrderId, string EntityType, string? FirstName, string? LastName, string? Company, string? Phone,
    [property: JsonPropertyName("line_1")] string? Line1, [property: JsonPropertyName("line_2")] string? Line2,
    string? City, string? State, string? Zip, string? Country)
{
    public static long IdOf(long salesOrderId, string entityType) => salesOrderId * 2 + (entityType == "shipping" ? 1 : 0);

    public static SalesOrderAddressResponse From(long salesOrderId, SalesOrderAddress a) => new(
        IdOf(salesOrderId, a.EntityType), salesOrderId, a.EntityType, a.FirstName, a.LastName, a.Company, a.Phone, a.Line1, a.Line2,
        a.City, a.State, a.Zip, a.Country);
}

public sealed record SalesOrderResponse(
    long Id, string OrderNo, long? CustomerId, long LocationId, string Status, bool CommitsStock, long PriorityRank,
    string Source, long? StoreId, string? ShopifyOrderId, string? ShopifyOrderName, string? EcommerceOrderType, string? EcommerceStoreName,
    string? EcommerceOrderId, string? Currency, decimal Total, string? AdditionalInfo, DateTime OrderCreatedDate, DateTime CreatedAt,
    DateTime UpdatedAt, DateTime? DeliveredDate, DateTime? DeliveryDate, string ProductAvailability, IReadOnlyList<SalesOrderRowResponse> SalesOrderRows,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ShippingFeeResponse? ShippingFee,
    long? BillingAddressId, long? ShippingAddressId, IReadOnlyList<SalesOrderAddressResponse> Addresses, IReadOnlyList<string> Tags)
{
    public static SalesOrderResponse From(SalesOrder o, IReadOnlyDictionary<long, string> storeDomains)
    {
        var rows = o.Rows.Where(r => r.Kind != SalesRowKind.ShippingFee).OrderBy(r => r.Id).ToList();
        var fee = o.Rows.FirstOrDefault(r => r.Kind == SalesRowKind.ShippingFee);
        var addresses = o.Addresses.Select(a => SalesOrderAddressResponse.From(o.Id, a)).ToList();
        return new(
            o.Id, o.OrderNo, o.CustomerId, o.LocationId, EnumNames.Upper(o.Status), o.CommitsStock, o.PriorityRank, o.Source,
            o.StoreId, o.ShopifyOrderId, o.ShopifyOrderName, o.StoreId is null ? null : "shopify",
            o.StoreId is { } store ? storeDomains.GetValueOrDefault(store) : null,
            // Katana carries the store's own order number (the numeric tail of Shopify's gid://shopify/Order/123).
            o.ShopifyOrderId?[(o.ShopifyOrderId.LastIndexOf('/') + 1)..],
            o.Currency, o.Rows.Sum(r => r.Quantity * r.PricePerUnit), o.AdditionalInfo, o.CreatedAt, o.CreatedAt, o.UpdatedAt, o.DeliveredAt, o.DeliveryDate,
            EnumNames.Upper(OrderAvailability.Of(rows.Select(r => r.Availability))),
            rows.Select(SalesOrderRowResponse.From).ToList(), fee is null ? null : ShippingFeeResponse.From(fee),
            addresses.FirstOrDefault(a => a.EntityType == "billing")?.Id, addresses.FirstOrDefault(a => a.EntityType == "shipping")?.Id,
            addresses, o.Tags);
    }
}

public sealed record FulfillmentRowRequest(long? SalesOrderRowId, decimal? Quantity);

public sealed record FulfillmentRequest(
    long? SalesOrderId, string? Status, string? TrackingNumber, string? TrackingUrl, string? TrackingCarrier,
    IReadOnlyList<FulfillmentRowRequest>? SalesOrderFulfillmentRows);

public sealed record FulfillmentRowResponse(long SalesOrderRowId, decimal Quantity);

public sealed record FulfillmentResponse(
    long Id, long SalesOrderId, string Status, string? TrackingNumber, string? TrackingUrl, string? TrackingCarrier,
    DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<FulfillmentRowResponse> SalesOrderFulfillmentRows)
{
    public static FulfillmentResponse From(SalesOrderFulfillment f) => new(
        f.Id, f.SalesOrderId, EnumNames.Upper(f.Status), f.TrackingNumber, f.TrackingUrl, f.TrackingCarrier, f.CreatedAt, f.UpdatedAt,
        f.Rows.Select(r => new FulfillmentRowResponse(r.SalesOrderRowId, r.Quantity)).ToList());
}
