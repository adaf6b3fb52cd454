using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Buying;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Buying;

/// <summary>/v1/purchase_orders, /v1/purchase_order_rows and /v1/purchase_order_receive (R-PO-1).</summary>
public static class PurchaseOrdersApi
{
    public static void MapPurchaseOrders(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/purchase_orders").WithTags("Purchase orders");
        group.MapGet("", ([FromQuery(Name = "order_no")] string? orderNo, string? status, [FromQuery(Name = "supplier_id")] long? supplierId,
                [FromQuery(Name = "location_id")] long? locationId, string? currency, [FromQuery(Name = "entity_type")] string? entityType,
                [AsParameters] RecordFilters filters, [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
        {
            PurchaseOrderStatus? wanted = status is null ? null : EnumNames.Parse<PurchaseOrderStatus>(status, "status");
            if (entityType is not (null or "regular" or "outsourced"))
                throw new ValidationFailedException("entity_type", "must be regular or outsourced");
            return filters.Apply(db.Set<PurchaseOrder>().AsNoTracking(), db).Include(o => o.Rows)
                .Where(o => entityType != "outsourced")
                .Where(o => orderNo == null || o.OrderNo == orderNo)
                .Where(o => wanted == null || o.Status == wanted)
                .Where(o => supplierId == null || o.SupplierId == supplierId)
                .Where(o => locationId == null || o.LocationId == locationId)
                .Where(o => currency == null || o.Currency == currency)
                .OrderByDescending(o => o.Id).ToPageAsync(paging, http, PurchaseOrderResponse.From, ct);
        });
        group.MapGet("/{id:long}", async (long id, PurchaseOrders buying, CancellationToken ct) =>
            TypedResults.Ok(PurchaseOrderResponse.From(await buying.LoadAsync(id, ct))));
        group.MapPost("", CreateAsync);
        group.MapPatch("/{id:long}", async (long id, UpdatePurchaseOrderRequest request, PurchaseOrders buying, CancellationToken ct) =>
            TypedResults.Ok(PurchaseOrderResponse.From(await buying.UpdateAsync(id, new UpdatePurchaseOrder(
                request.OrderNo, request.ExpectedArrivalDate, request.AdditionalInfo, request.Currency,
                request.Status is null ? null : EnumNames.Parse<PurchaseOrderStatus>(request.Status, "status")), ct))));
        group.MapDelete("/{id:long}", async (long id, PurchaseOrders buying, CancellationToken ct) =>
        {
            await buying.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });
        v1.MapPost("/purchase_order_receive", async (IReadOnlyList<ReceiveRowRequest?> request, PurchaseOrders buying, CancellationToken ct) =>
        {
            await buying.ReceiveAsync(request.Rows("rows").Select((r, i) => (
                r.PurchaseOrderRowId ?? throw new ValidationFailedException($"[{i}].purchase_order_row_id", "is required"),
                r.Quantity ?? throw new ValidationFailedException($"[{i}].quantity", "is required"))).ToList(), ct);
            return TypedResults.NoContent(); // as Katana answers it
        }).WithTags("Purchase orders");
        v1.MapPurchaseOrderRows();
    }

    private static async Task<PurchaseOrderResponse> CreateAsync(CreatePurchaseOrderRequest request, PurchaseOrders buying, CancellationToken ct)
    {
        if (request.EntityType is not (null or "regular"))
            throw new ValidationFailedException("entity_type", "ShopFloor buys regular purchase orders only (no outsourcing)");
        var order = await buying.CreateAsync(new CreatePurchaseOrder(request.OrderNo,
            request.SupplierId ?? throw new ValidationFailedException("supplier_id", "is required"),
            request.LocationId ?? throw new ValidationFailedException("location_id", "is required"),
            request.Currency, request.ExpectedArrivalDate, request.AdditionalInfo,
            request.PurchaseOrderRows.Rows("purchase_order_rows").Select((r, i) => (
                r.VariantId ?? throw new ValidationFailedException($"purchase_order_rows[{i}].variant_id", "is required"),
                r.Quantity ?? throw new ValidationFailedException($"purchase_order_rows[{i}].quantity", "is required"),
                r.PricePerUnit ?? 0)).ToList()), ct);
        return PurchaseOrderResponse.From(order);
    }
}
