using ShopFloor.Api;
using ShopFloor.Core.Sales;

namespace ShopFloor.Sales;

public sealed record SalesRowRequest(
    long? SalesOrderId, long? VariantId, decimal? Quantity, decimal? PricePerUnit, decimal? TaxRate, string? Description, long? LocationId,
    IReadOnlyList<RowProperty>? Properties = null);

public sealed record CreateSalesOrderRequest(
    string? OrderNo, long? CustomerId, long? LocationId, string? Status, bool? CommitsStock, string? Currency,
    string? AdditionalInfo, IReadOnlyList<SalesRowRequest>? SalesOrderRows,
    IReadOnlyList<SalesOrderAddress>? Addresses = null, IReadOnlyList<string>? Tags = null);

public sealed record UpdateSalesOrderRequest(
    long? CustomerId, long? LocationId, string? Status, bool? CommitsStock, long? PriorityRank, string? AdditionalInfo);

public sealed record ShippingFeeRequest(long? SalesOrderId, decimal? Amount, string? Description, decimal? TaxRate);

public sealed record SalesOrderRowResponse(
    long Id, long SalesOrderId, string Kind, long? VariantId, string? Description, decimal Quantity, decimal PricePerUnit,
    decimal? TaxRate, long LocationId, decimal PackedQuantity, decimal DeliveredQuantity, string SalesItemsAvailability,
    long? LinkedManufacturingOrderId, IReadOnlyList<RowProperty> Properties)
{
    public static SalesOrderRowResponse From(SalesOrderRow r) => new(
        r.Id, r.SalesOrderId, EnumNames.Upper(r.Kind).ToLowerInvariant(), r.VariantId, r.Description, r.Quantity, r.PricePerUnit,
        r.TaxRate, r.LocationId, r.Packed, r.Delivered, EnumNames.Upper(r.Availability), r.LinkedManufacturingOrderId, r.Properties);
}

public sealed record SalesOrderResponse(
    long Id, string OrderNo, long? CustomerId, long LocationId, string Status, bool CommitsStock, long PriorityRank,
    string Source, long? StoreId, string? ShopifyOrderId, string? ShopifyOrderName, string? Currency, string? AdditionalInfo,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? DeliveredDate, IReadOnlyList<SalesOrderRowResponse> SalesOrderRows,
    IReadOnlyList<SalesOrderAddress> Addresses, IReadOnlyList<string> Tags)
{
    public static SalesOrderResponse From(SalesOrder o) => new(
        o.Id, o.OrderNo, o.CustomerId, o.LocationId, EnumNames.Upper(o.Status), o.CommitsStock, o.PriorityRank, o.Source,
        o.StoreId, o.ShopifyOrderId, o.ShopifyOrderName, o.Currency, o.AdditionalInfo, o.CreatedAt, o.UpdatedAt, o.DeliveredAt,
        o.Rows.OrderBy(r => r.Id).Select(SalesOrderRowResponse.From).ToList(), o.Addresses, o.Tags);
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
