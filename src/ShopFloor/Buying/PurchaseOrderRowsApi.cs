using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Buying;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Buying;

/// <summary>/v1/purchase_order_rows: a purchase order's rows one at a time; expected stock follows each change.</summary>
public static class PurchaseOrderRowsApi
{
    public static void MapPurchaseOrderRows(this IEndpointRouteBuilder v1)
    {
        var rows = v1.MapGroup("/purchase_order_rows").WithTags("Purchase orders");
        rows.MapGet("", ([FromQuery(Name = "purchase_order_id")] long? orderId, [FromQuery(Name = "variant_id")] long? variantId,
                [FromQuery(Name = "ids")] string[]? ids, [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var rowIds = RecordFilters.Parse(ids, "ids");
            return Rows(db).Where(x => (orderId == null || x.Row.PurchaseOrderId == orderId) && (variantId == null || x.Row.VariantId == variantId)
                    && (rowIds.Count == 0 || rowIds.Contains(x.Row.Id)))
                .OrderBy(x => x.Row.Id).ToPageAsync(paging, http, x => PurchaseOrderRowResponse.From(x.Row, x.Order), ct);
        });
        rows.MapGet("/{id:long}", async (long id, ShopFloorDbContext db, CancellationToken ct) =>
            await Rows(db).FirstOrDefaultAsync(x => x.Row.Id == id, ct) is { } x
                ? TypedResults.Ok(PurchaseOrderRowResponse.From(x.Row, x.Order)) : throw new NotFoundException("Purchase order row", id));
        rows.MapPost("", async (PurchaseRowRequest request, PurchaseOrders buying, CancellationToken ct) =>
        {
            var orderId = request.PurchaseOrderId ?? throw new ValidationFailedException("purchase_order_id", "is required");
            var row = await buying.AddRowAsync(orderId, request.VariantId ?? throw new ValidationFailedException("variant_id", "is required"),
                request.Quantity ?? throw new ValidationFailedException("quantity", "is required"), request.PricePerUnit ?? 0, ct);
            return TypedResults.Ok(PurchaseOrderRowResponse.From(row, await buying.LoadAsync(orderId, ct)));
        });
        rows.MapPatch("/{id:long}", async (long id, PurchaseRowRequest request, PurchaseOrders buying, CancellationToken ct) =>
        {
            var row = await buying.ChangeRowAsync(id, request.Quantity, request.PricePerUnit, ct);
            return TypedResults.Ok(PurchaseOrderRowResponse.From(row, await buying.LoadAsync(row.PurchaseOrderId, ct)));
        });
        rows.MapDelete("/{id:long}", async (long id, PurchaseOrders buying, CancellationToken ct) =>
        {
            await buying.DeleteRowAsync(id, ct);
            return TypedResults.NoContent();
        });
    }

    /// <summary>An initialiser, not a constructor, so EF can filter and sort on its members.</summary>
    private sealed class RowOfOrder
    {
        public required PurchaseOrderRow Row { get; init; }
        public required PurchaseOrder Order { get; init; }
    }

    private static IQueryable<RowOfOrder> Rows(ShopFloorDbContext db) =>
        from r in db.Set<PurchaseOrderRow>().AsNoTracking()
        join o in db.Set<PurchaseOrder>().AsNoTracking() on r.PurchaseOrderId equals o.Id
        select new RowOfOrder { Row = r, Order = o };
}
