using System.Text.Json.Serialization;

namespace ShopFloor.Core.Sales;

public sealed record SalesRowInput(
    long? VariantId, decimal Quantity, decimal PricePerUnit, decimal? TaxRate, string? Description, long? LocationId,
    SalesRowKind Kind = SalesRowKind.Product, string? StoreLineItemId = null, IReadOnlyList<RowProperty>? Properties = null,
    long? TaxRateId = null);

public sealed record CreateSalesOrder(
    string? OrderNo, long LocationId, long? CustomerId, bool CommitsStock, bool IsQuote, string? Currency,
    string? AdditionalInfo, IReadOnlyList<SalesRowInput> Rows, ShopifySource? Shopify = null,
    IReadOnlyList<SalesOrderAddress>? Addresses = null, IReadOnlyList<string>? Tags = null, DateTime? DeliveryDate = null, string? Channel = null);

/// <summary>One address of a sales order, in the fields of Katana's sales order address; <see cref="EntityType"/> is "shipping" or "billing".</summary>
public sealed record SalesOrderAddress(
    string EntityType, string? FirstName, string? LastName, string? Company, string? Phone,
    [property: JsonPropertyName("line_1")] string? Line1, [property: JsonPropertyName("line_2")] string? Line2,
    string? City, string? State, string? Zip, string? Country);

public sealed record RowProperty(string Name, string Value);

/// <summary>A row's tax: the percentage, and the named tax rate it came from if any.</summary>
public sealed record RowTax(decimal? Rate, long? TaxRateId);

/// <summary>The Shopify order a sales order is imported from, and the version of it (its updatedAt) the import holds.</summary>
public sealed record ShopifySource(long StoreId, string OrderId, string? Name, DateTime? UpdatedAt = null);

/// <summary>PATCH semantics: null leaves a field as it is.</summary>
public sealed record UpdateSalesOrder(
    long? CustomerId, long? LocationId, bool? CommitsStock, SalesOrderStatus? Status, long? PriorityRank,
    string? AdditionalInfo, DateTime? DeliveryDate = null);

public sealed record FulfillSalesOrder(
    long SalesOrderId, FulfillmentStatus Status, IReadOnlyList<(long RowId, decimal Quantity)>? Rows,
    string? TrackingNumber, string? TrackingUrl, string? TrackingCarrier, string? StoreFulfillmentId = null);

/// <summary>What a store's edit of an order changes, applied at once by <see cref="SalesOrders.EditAsync"/>.</summary>
public sealed record SalesOrderEdit
{
    public IReadOnlyList<SalesRowInput> AddedRows { get; init; } = [];
    public IReadOnlyList<(long RowId, decimal Quantity)> QuantityChanges { get; init; } = [];
    public IReadOnlyList<long> RemovedRowIds { get; init; } = [];
    public long? MoveTo { get; init; }
    public bool Cancel { get; init; }
    public bool MarkDelivered { get; init; }

    public bool IsEmpty => AddedRows.Count == 0 && QuantityChanges.Count == 0 && RemovedRowIds.Count == 0 && MoveTo is null && !Cancel && !MarkDelivered;
}

/// <summary>Where a shipment made outside ShopFloor came from, and how it is tracked.</summary>
public sealed record ShipmentInfo(string? StoreFulfillmentId, string? TrackingNumber, string? TrackingUrl, string? TrackingCarrier);
