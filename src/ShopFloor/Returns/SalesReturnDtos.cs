using ShopFloor.Api;
using ShopFloor.Core.Returns;

namespace ShopFloor.Returns;

public sealed record ReturnRowRequest(
    long? SalesReturnId, long? SalesOrderRowId, long? FulfillmentRowId, long? VariantId, decimal? Quantity, bool? Restock, string? Reason,
    long? ReasonId, long? RestockLocationId);

public sealed record CreateSalesReturnRequest(
    string? OrderNo, long? SalesOrderId, long? CustomerId, long? ReturnLocationId, string? AdditionalInfo, IReadOnlyList<ReturnRowRequest?>? SalesReturnRows);

public sealed record UpdateSalesReturnRequest(string? Status, long? ReturnLocationId, string? AdditionalInfo);

public sealed record SalesReturnRowResponse(
    long Id, long SalesReturnId, long SalesOrderRowId, long? FulfillmentRowId, long VariantId, string Quantity, bool Restock,
    string? Reason, long? ReasonId, long RestockLocationId)
{
    public static SalesReturnRowResponse From(SalesReturnRow r, SalesReturn parent, long? fulfillmentRowId) => new(
        r.Id, parent.Id, r.SalesOrderRowId, fulfillmentRowId, r.VariantId, DecimalJsonConverter.Format(r.Quantity), r.Restock, r.Reason,
        ReturnReasons.IdOf(r.Reason), parent.LocationId);
}

public sealed record SalesReturnResponse(
    long Id, string OrderNo, long CustomerId, long SalesOrderId, long ReturnLocationId, string Status, string? Currency,
    string? AdditionalInfo, DateTime OrderCreatedDate, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ReturnDate,
    IReadOnlyList<SalesReturnRowResponse> SalesReturnRows)
{
    /// <summary>Katana's statuses: a returned return is RESTOCKED_ALL when its goods went back on the shelf, RETURNED_ALL when not.</summary>
    public static string StatusOf(SalesReturn r) => r.Status == SalesReturnStatus.NotReturned ? "NOT_RETURNED"
        : r.Rows.Any(x => x.Restock) ? "RESTOCKED_ALL" : "RETURNED_ALL";

    public static SalesReturnStatus ParseStatus(string? status) => status switch
    {
        "NOT_RETURNED" => SalesReturnStatus.NotReturned,
        "RETURNED_ALL" or "RESTOCKED_ALL" or "RETURNED" => SalesReturnStatus.Returned,
        _ => throw new Core.Common.ValidationFailedException("status", "must be one of NOT_RETURNED, RETURNED_ALL, RESTOCKED_ALL"),
    };

    public static SalesReturnResponse From(SalesReturn r, ReturnContext context) => new(
        r.Id, r.ReturnNo, context.CustomerOf(r.SalesOrderId), r.SalesOrderId, r.LocationId, StatusOf(r), context.CurrencyOf(r.SalesOrderId),
        r.AdditionalInfo, r.CreatedAt, r.CreatedAt, r.UpdatedAt, r.ReturnedAt,
        r.Rows.Select(x => SalesReturnRowResponse.From(x, r, context.FulfillmentRowOf(x.SalesOrderRowId))).ToList());
}

public sealed record ReturnableItemResponse(
    long SalesOrderRowId, long? FulfillmentRowId, long VariantId, long LocationId, string QuantitySold, string AvailableForReturnQuantity,
    string NetPricePerUnit, decimal QuantityReturnable);

public sealed record ReturnReasonResponse(long Id, string Name);
