using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Sales;

namespace ShopFloor.Sales;

/// <summary>/v1/sales_order_fulfillments: packing and delivering rows; deleting one reverts it exactly (R-SO-2).</summary>
public static class SalesOrderFulfillmentsApi
{
    public static void MapSalesOrderFulfillments(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/sales_order_fulfillments").WithTags("Sales orders");
        group.MapGet("", ([FromQuery(Name = "sales_order_id")] long? salesOrderId, string? status, [FromQuery(Name = "tracking_number")] string? trackingNumber,
                [AsParameters] RecordFilters filters, [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
        {
            FulfillmentStatus? wanted = status is null ? null : EnumNames.Parse<FulfillmentStatus>(status, "status");
            return filters.Apply(db.Set<SalesOrderFulfillment>().AsNoTracking().Include(f => f.Rows), db)
                .Where(f => salesOrderId == null || f.SalesOrderId == salesOrderId)
                .Where(f => wanted == null || f.Status == wanted)
                .Where(f => trackingNumber == null || f.TrackingNumber == trackingNumber)
                .OrderBy(f => f.Id).ToPageAsync(paging, http, FulfillmentResponse.From, ct);
        });
        group.MapGet("/{id:long}", async (long id, ShopFloorDbContext db, CancellationToken ct) =>
            TypedResults.Ok(FulfillmentResponse.From(await db.Set<SalesOrderFulfillment>().AsNoTracking().Include(f => f.Rows)
                .FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new NotFoundException("Sales order fulfillment", id))));
        group.MapPost("", async (FulfillmentRequest request, SalesOrders sales, CancellationToken ct) =>
        {
            var order = await sales.FulfillAsync(new FulfillSalesOrder(
                request.SalesOrderId ?? throw new ValidationFailedException("sales_order_id", "is required"),
                EnumNames.Parse<FulfillmentStatus>(request.Status ?? "DELIVERED", "status"),
                request.SalesOrderFulfillmentRows?.Rows("sales_order_fulfillment_rows").Select((r, i) => (
                    r.SalesOrderRowId ?? throw new ValidationFailedException($"sales_order_fulfillment_rows[{i}].sales_order_row_id", "is required"),
                    r.Quantity ?? throw new ValidationFailedException($"sales_order_fulfillment_rows[{i}].quantity", "is required"))).ToList(),
                request.TrackingNumber, request.TrackingUrl, request.TrackingCarrier), ct);
            var fulfillment = order.Fulfillments.MaxBy(f => f.Id)!;
            return TypedResults.Ok(FulfillmentResponse.From(fulfillment));
        });
        group.MapPatch("/{id:long}", async (long id, FulfillmentRequest request, SalesOrders sales, CancellationToken ct) =>
        {
            var order = await sales.ChangeFulfillmentAsync(id, EnumNames.Parse<FulfillmentStatus>(request.Status, "status"), ct);
            return TypedResults.Ok(FulfillmentResponse.From(order.Fulfillments.First(f => f.Id == id)));
        });
        group.MapDelete("/{id:long}", async (long id, SalesOrders sales, CancellationToken ct) =>
        {
            await sales.DeleteFulfillmentAsync(id, ct);
            return TypedResults.NoContent();
        });
    }
}
