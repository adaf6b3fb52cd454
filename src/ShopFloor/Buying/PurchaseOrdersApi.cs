using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Buying;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Buying;

public sealed record PurchaseRowRequest(long? VariantId, decimal? Quantity, decimal? PricePerUnit);

public sealed record CreatePurchaseOrderRequest(
    string? OrderNo, long? SupplierId, long? LocationId, string? Currency, DateTime? ExpectedArrivalDate, string? AdditionalInfo,
    IReadOnlyList<PurchaseRowRequest>? PurchaseOrderRows);

public sealed record PurchaseStatusRequest(string? Status);

public sealed record ReceiveRowRequest(long? PurchaseOrderRowId, decimal? Quantity);

public sealed record PurchaseOrderRowResponse(long Id, long VariantId, decimal Quantity, decimal PricePerUnit, decimal ReceivedQuantity);

public sealed record PurchaseOrderResponse(
    long Id, string OrderNo, long SupplierId, long LocationId, string Status, string? Currency, DateTime? ExpectedArrivalDate,
    string? AdditionalInfo, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<PurchaseOrderRowResponse> PurchaseOrderRows)
{
    public static PurchaseOrderResponse From(PurchaseOrder o) => new(
        o.Id, o.OrderNo, o.SupplierId, o.LocationId, EnumNames.Upper(o.Status), o.Currency, o.ExpectedArrivalDate, o.AdditionalInfo,
        o.CreatedAt, o.UpdatedAt, o.Rows.Select(r => new PurchaseOrderRowResponse(r.Id, r.VariantId, r.Quantity, r.PricePerUnit, r.Received)).ToList());
}

/// <summary>/v1/purchase_orders and /v1/purchase_order_receive (R-PO-1).</summary>
public static class PurchaseOrdersApi
{
    public static void MapPurchaseOrders(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/purchase_orders").WithTags("Purchase orders");
        group.MapGet("", ([AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
            db.Set<PurchaseOrder>().AsNoTracking().Include(o => o.Rows).OrderByDescending(o => o.Id).ToPageAsync(paging, http, PurchaseOrderResponse.From, ct));
        group.MapGet("/{id:long}", async (long id, PurchaseOrders buying, CancellationToken ct) =>
            TypedResults.Ok(PurchaseOrderResponse.From(await buying.LoadAsync(id, ct))));
        group.MapPost("", async (CreatePurchaseOrderRequest request, PurchaseOrders buying, CancellationToken ct) =>
        {
            var order = await buying.CreateAsync(new CreatePurchaseOrder(request.OrderNo,
                request.SupplierId ?? throw new ValidationFailedException("supplier_id", "is required"),
                request.LocationId ?? throw new ValidationFailedException("location_id", "is required"),
                request.Currency, request.ExpectedArrivalDate, request.AdditionalInfo,
                request.PurchaseOrderRows.Rows("purchase_order_rows").Select((r, i) => (
                    r.VariantId ?? throw new ValidationFailedException($"purchase_order_rows[{i}].variant_id", "is required"),
                    r.Quantity ?? throw new ValidationFailedException($"purchase_order_rows[{i}].quantity", "is required"),
                    r.PricePerUnit ?? 0)).ToList()), ct);
            return TypedResults.Ok(PurchaseOrderResponse.From(order));
        });
        group.MapPatch("/{id:long}", async (long id, PurchaseStatusRequest request, PurchaseOrders buying, CancellationToken ct) =>
            TypedResults.Ok(PurchaseOrderResponse.From(await buying.SetStatusAsync(id, EnumNames.Parse<PurchaseOrderStatus>(request.Status, "status"), ct))));
        group.MapDelete("/{id:long}", async (long id, PurchaseOrders buying, CancellationToken ct) =>
        {
            await buying.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });
        v1.MapPost("/purchase_order_receive", async (IReadOnlyList<ReceiveRowRequest> request, PurchaseOrders buying, CancellationToken ct) =>
        {
            await buying.ReceiveAsync(request.Rows("rows").Select((r, i) => (
                r.PurchaseOrderRowId ?? throw new ValidationFailedException($"[{i}].purchase_order_row_id", "is required"),
                r.Quantity ?? throw new ValidationFailedException($"[{i}].quantity", "is required"))).ToList(), ct);
            return TypedResults.NoContent(); // as Katana answers it
        }).WithTags("Purchase orders");
    }
}
