using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Sales;

namespace ShopFloor.Sales;

/// <summary>/v1/sales_order_shipping_fee: an order's one shipping fee, kept as its shipping row.</summary>
public static class ShippingFeesApi
{
    public static void MapShippingFees(this IEndpointRouteBuilder v1)
    {
        var fee = v1.MapGroup("/sales_order_shipping_fee").WithTags("Sales orders");
        fee.MapGet("", ([FromQuery(Name = "sales_order_id")] long? salesOrderId, [FromQuery(Name = "ids")] string[]? ids, [AsParameters] PageQuery paging,
            ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var feeIds = RecordFilters.Parse(ids, "ids");
            return Fees(db).Where(r => (salesOrderId == null || r.SalesOrderId == salesOrderId) && (feeIds.Count == 0 || feeIds.Contains(r.Id)))
                .OrderBy(r => r.Id).ToPageAsync(paging, http, ShippingFeeResponse.From, ct);
        });
        fee.MapGet("/{id:long}", async (long id, ShopFloorDbContext db, CancellationToken ct) =>
            TypedResults.Ok(ShippingFeeResponse.From(await Fees(db).FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Shipping fee", id))));
        fee.MapPost("", async (ShippingFeeRequest request, SalesOrders sales, ShopFloorDbContext db, CancellationToken ct) =>
        {
            var orderId = request.SalesOrderId ?? throw new ValidationFailedException("sales_order_id", "is required");
            if ((await sales.LoadAsync(orderId, ct)).Rows.Any(r => r.Kind == SalesRowKind.ShippingFee))
                throw new DomainException($"Sales order {orderId} already has a shipping fee; change it (PATCH) or delete it to set another.");
            var taxRate = request.TaxRateId is { } id ? await TaxRates.RateAsync(db, id, "tax_rate_id", ct) : request.TaxRate;
            var order = await sales.AddRowAsync(orderId, new SalesRowInput(null, 1, request.Amount ?? 0, taxRate,
                request.Description ?? "Shipping", null, SalesRowKind.ShippingFee, TaxRateId: request.TaxRateId), ct);
            return TypedResults.Ok(ShippingFeeResponse.From(order.Rows[^1]));
        });
        fee.MapPatch("/{id:long}", async (long id, ShippingFeeRequest request, SalesOrders sales, ShopFloorDbContext db, CancellationToken ct) =>
        {
            if (!await Fees(db).AnyAsync(r => r.Id == id, ct))
                throw new NotFoundException("Shipping fee", id);
            var tax = request.TaxRateId is { } taxRateId ? new RowTax(await TaxRates.RateAsync(db, taxRateId, "tax_rate_id", ct), taxRateId)
                : request.TaxRate is { } rate ? new RowTax(rate, null) : null;
            var order = await sales.UpdateRowAsync(id, null, request.Amount, ct, tax, request.Description);
            return TypedResults.Ok(ShippingFeeResponse.From(order.Rows.First(r => r.Id == id)));
        });
        fee.MapDelete("/{id:long}", async (long id, SalesOrders sales, ShopFloorDbContext db, CancellationToken ct) =>
        {
            if (!await Fees(db).AnyAsync(r => r.Id == id, ct))
                throw new NotFoundException("Shipping fee", id);
            await sales.DeleteRowAsync(id, ct);
            return TypedResults.NoContent();
        });
    }

    private static IQueryable<SalesOrderRow> Fees(ShopFloorDbContext db) =>
        db.Set<SalesOrderRow>().AsNoTracking().Where(r => r.Kind == SalesRowKind.ShippingFee);
}
