using System.Text.Json.Serialization;
using ShopFloor.Api;
using ShopFloor.Core.Buying;

namespace ShopFloor.Buying;

public sealed record PurchaseRowRequest(long? PurchaseOrderId, long? VariantId, decimal? Quantity, decimal? PricePerUnit);

public sealed record CreatePurchaseOrderRequest(
    string? OrderNo, long? SupplierId, long? LocationId, string? Currency, DateTime? ExpectedArrivalDate, string? AdditionalInfo,
    IReadOnlyList<PurchaseRowRequest?>? PurchaseOrderRows, string? Status = null, string? EntityType = null);

public sealed record UpdatePurchaseOrderRequest(
    string? OrderNo, DateTime? ExpectedArrivalDate, string? AdditionalInfo, string? Currency, string? Status);

public sealed record ReceiveRowRequest(long? PurchaseOrderRowId, decimal? Quantity);

public sealed record PurchaseOrderRowResponse(
    long Id, long PurchaseOrderId, long VariantId, decimal Quantity, decimal PricePerUnit, decimal Total, decimal ReceivedQuantity,
    string? Currency, long LocationId)
{
    public static PurchaseOrderRowResponse From(PurchaseOrderRow r, PurchaseOrder o) =>
        new(r.Id, o.Id, r.VariantId, r.Quantity, r.PricePerUnit, r.Quantity * r.PricePerUnit, r.Received, o.Currency, o.LocationId);
}

public sealed record PurchaseOrderResponse(
    long Id, string OrderNo, string EntityType, long DefaultGroupId, long SupplierId, long LocationId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? TrackingLocationId, string Status, string? Currency,
    DateTime? ExpectedArrivalDate, DateTime OrderCreatedDate, string? AdditionalInfo, decimal Total, DateTime CreatedAt, DateTime UpdatedAt,
    IReadOnlyList<PurchaseOrderRowResponse> PurchaseOrderRows)
{
    // A regular purchase order tracks nothing elsewhere; Katana's outsourced orders would name the subcontractor's location.
    public static PurchaseOrderResponse From(PurchaseOrder o) => new(
        o.Id, o.OrderNo, "regular", o.Id, o.SupplierId, o.LocationId, null, EnumNames.Upper(o.Status), o.Currency, o.ExpectedArrivalDate,
        o.CreatedAt, o.AdditionalInfo, o.Rows.Sum(r => r.Quantity * r.PricePerUnit), o.CreatedAt, o.UpdatedAt,
        o.Rows.Select(r => PurchaseOrderRowResponse.From(r, o)).ToList());
}
