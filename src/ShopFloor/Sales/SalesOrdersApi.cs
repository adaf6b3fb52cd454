using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Sales;

namespace ShopFloor.Sales;

/// <summary>/v1/sales_orders, /v1/sales_order_rows and /v1/sales_order_shipping_fee (R-SO-1..3).</summary>
public static class SalesOrdersApi
{
    public static void MapSalesOrders(this IEndpointRouteBuilder v1)
    {
        var orders = v1.MapGroup("/sales_orders").WithTags("Sales orders");
        orders.MapGet("", (string? list, string? status, [FromQuery(Name = "customer_id")] long? customerId,
            [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var query = db.Set<SalesOrder>().AsNoTracking().Include(o => o.Rows).AsSplitQuery()
                .Where(o => customerId == null || o.CustomerId == customerId);
            if (status is not null)
            {
                var wanted = EnumNames.Parse<SalesOrderStatus>(status, "status");
                query = query.Where(o => o.Status == wanted);
            }
            query = list switch
            {
                null => query.OrderByDescending(o => o.Id),
                "open" => query.Where(o => o.Status != SalesOrderStatus.Delivered && o.Status != SalesOrderStatus.Cancelled)
                    .OrderBy(o => o.PriorityRank).ThenBy(o => o.Id),
                "done" => query.Where(o => o.Status == SalesOrderStatus.Delivered).OrderByDescending(o => o.DeliveredAt),
                _ => throw new ValidationFailedException("list", "must be 'open' or 'done'"),
            };
            return query.ToPageAsync(paging, http, SalesOrderResponse.From, ct);
        });
        orders.MapGet("/{id:long}", async (long id, SalesOrders sales, CancellationToken ct) =>
            TypedResults.Ok(SalesOrderResponse.From(await sales.LoadAsync(id, ct))));
        orders.MapPost("", async (CreateSalesOrderRequest request, SalesOrders sales, CancellationToken ct) =>
        {
            var status = request.Status is null ? SalesOrderStatus.NotShipped : EnumNames.Parse<SalesOrderStatus>(request.Status, "status");
            if (status is not (SalesOrderStatus.NotShipped or SalesOrderStatus.Pending))
                throw new ValidationFailedException("status", "a new order is NOT_SHIPPED or PENDING; pack or deliver it afterwards");
            var order = await sales.CreateAsync(new CreateSalesOrder(
                request.OrderNo,
                request.LocationId ?? throw new ValidationFailedException("location_id", "is required"),
                request.CustomerId, request.CommitsStock ?? true, status == SalesOrderStatus.Pending, request.Currency,
                request.AdditionalInfo, request.SalesOrderRows.Rows("sales_order_rows").Select(RowInput).ToList(),
                Addresses: request.Addresses?.Rows("addresses").ToList(),
                Tags: request.Tags?.Select((t, i) => t ?? throw new ValidationFailedException($"tags[{i}]", "must be a text")).ToList()), ct);
            return TypedResults.Ok(SalesOrderResponse.From(order));
        });
        orders.MapPatch("/{id:long}", async (long id, UpdateSalesOrderRequest request, SalesOrders sales, CancellationToken ct) =>
            TypedResults.Ok(SalesOrderResponse.From(await sales.UpdateAsync(id, new UpdateSalesOrder(
                request.CustomerId, request.LocationId, request.CommitsStock,
                request.Status is null ? null : EnumNames.Parse<SalesOrderStatus>(request.Status, "status"),
                request.PriorityRank, request.AdditionalInfo), ct))));
        orders.MapDelete("/{id:long}", async (long id, SalesOrders sales, CancellationToken ct) =>
        {
            await sales.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });

        var rows = v1.MapGroup("/sales_order_rows").WithTags("Sales orders");
        rows.MapGet("", ([FromQuery(Name = "sales_order_id")] long? salesOrderId, [FromQuery(Name = "variant_id")] long? variantId,
                [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
            db.Set<SalesOrderRow>().AsNoTracking()
                .Where(r => (salesOrderId == null || r.SalesOrderId == salesOrderId) && (variantId == null || r.VariantId == variantId))
                .OrderBy(r => r.Id).ToPageAsync(paging, http, SalesOrderRowResponse.From, ct));
        rows.MapPost("", async (SalesRowRequest request, SalesOrders sales, CancellationToken ct) =>
        {
            var order = await sales.AddRowAsync(request.SalesOrderId ?? throw new ValidationFailedException("sales_order_id", "is required"), RowInput(request, 0), ct);
            return TypedResults.Ok(SalesOrderRowResponse.From(order.Rows[^1]));
        });
        rows.MapPatch("/{id:long}", async (long id, SalesRowRequest request, SalesOrders sales, CancellationToken ct) =>
            TypedResults.Ok(SalesOrderRowResponse.From((await sales.UpdateRowAsync(id, request.Quantity, request.PricePerUnit, ct)).Rows.First(r => r.Id == id))));
        rows.MapDelete("/{id:long}", async (long id, SalesOrders sales, CancellationToken ct) =>
        {
            await sales.DeleteRowAsync(id, ct);
            return TypedResults.NoContent();
        });

        var fee = v1.MapGroup("/sales_order_shipping_fee").WithTags("Sales orders");
        fee.MapPost("", async (ShippingFeeRequest request, SalesOrders sales, CancellationToken ct) =>
        {
            var orderId = request.SalesOrderId ?? throw new ValidationFailedException("sales_order_id", "is required");
            if ((await sales.LoadAsync(orderId, ct)).Rows.Any(r => r.Kind == SalesRowKind.ShippingFee))
                throw new DomainException($"Sales order {orderId} already has a shipping fee; delete it to set another.");
            var order = await sales.AddRowAsync(orderId, new SalesRowInput(null, 1, request.Amount ?? 0, request.TaxRate,
                request.Description ?? "Shipping", null, SalesRowKind.ShippingFee), ct);
            return TypedResults.Ok(SalesOrderRowResponse.From(order.Rows[^1]));
        });
        fee.MapDelete("/{id:long}", async (long id, SalesOrders sales, CancellationToken ct) =>
        {
            await sales.DeleteRowAsync(id, ct);
            return TypedResults.NoContent();
        });
    }

    private static SalesRowInput RowInput(SalesRowRequest row, int index) => new(
        row.VariantId,
        row.Quantity ?? throw new ValidationFailedException($"sales_order_rows[{index}].quantity", "is required"),
        row.PricePerUnit ?? 0, row.TaxRate, row.Description, row.LocationId,
        row.VariantId is null ? SalesRowKind.Custom : SalesRowKind.Product,
        Properties: row.Properties?.Rows($"sales_order_rows[{index}].properties").ToList());
}
