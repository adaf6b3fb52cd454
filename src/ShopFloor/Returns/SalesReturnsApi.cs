using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Returns;
using ShopFloor.Core.Sales;

namespace ShopFloor.Returns;

/// <summary>/v1/sales_returns, /v1/sales_return_rows (R-RET-1) and /v1/sales_orders/{id}/returnable_items.</summary>
public static class SalesReturnsApi
{
    public static void MapSalesReturns(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/sales_returns").WithTags("Returns");
        group.MapGet("", ListAsync);
        group.MapGet("/return_reasons", () => ReturnReasons.All); // a bare array, as Katana answers it
        group.MapGet("/{id:long}", async (long id, SalesReturns returns, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await ResponseAsync(db, await returns.LoadAsync(id, ct), clock, ct)));
        group.MapPost("", CreateAsync);
        group.MapPatch("/{id:long}", async (long id, UpdateSalesReturnRequest request, SalesReturns returns, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var salesReturn = request.Status is { } status
                ? await returns.SetStatusAsync(id, SalesReturnResponse.ParseStatus(status), ct)
                : await returns.LoadAsync(id, ct);
            return TypedResults.Ok(await ResponseAsync(db, salesReturn, clock, ct));
        });
        group.MapDelete("/{id:long}", async (long id, SalesReturns returns, CancellationToken ct) =>
        {
            await returns.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        });
        v1.MapSalesReturnRows();

        v1.MapGet("/sales_orders/{id:long}/returnable_items", async (long id, SalesOrders sales, SalesReturns returns, ShopFloorDbContext db, CancellationToken ct) =>
        {
            var order = await sales.LoadAsync(id, ct);
            var returnable = await returns.ReturnableAsync(order, ct);
            var fulfillmentRows = await ReturnContext.DeliveredRowsAsync(db, returnable.Keys.ToList(), ct);
            return TypedResults.Ok(order.Rows.Where(r => returnable.GetValueOrDefault(r.Id) > 0)
                .Select(r => new ReturnableItemResponse(r.Id, fulfillmentRows.TryGetValue(r.Id, out var f) ? f : null, r.VariantId!.Value, r.LocationId,
                    DecimalJsonConverter.Format(r.Delivered), DecimalJsonConverter.Format(returnable[r.Id]), DecimalJsonConverter.Format(r.PricePerUnit),
                    returnable[r.Id])).ToList());
        }).WithTags("Returns");
    }

    private static async Task<ListResponse<SalesReturnResponse>> ListAsync([FromQuery(Name = "sales_order_id")] long? salesOrderId, string? status,
        [FromQuery(Name = "return_order_no")] string? returnNo, [AsParameters] RecordFilters filters, [AsParameters] PageQuery paging,
        ShopFloorDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var query = filters.Apply(db.Set<SalesReturn>().AsNoTracking(), db).Include(r => r.Rows)
            .Where(r => (salesOrderId == null || r.SalesOrderId == salesOrderId) && (returnNo == null || r.ReturnNo == returnNo));
        if (status is not null)
        {
            var wanted = SalesReturnResponse.ParseStatus(status);
            query = query.Where(r => r.Status == wanted);
            if (status != "NOT_RETURNED")
                query = status == "RESTOCKED_ALL" ? query.Where(r => r.Rows.Any(x => x.Restock)) : query.Where(r => r.Rows.All(x => !x.Restock));
        }
        var page = await query.OrderByDescending(r => r.Id).ToPageAsync(paging, http, r => r, ct);
        var context = await ReturnContext.ForAsync(db, page.Data.ToList(), clock, ct);
        return new ListResponse<SalesReturnResponse>(page.Data.Select(r => SalesReturnResponse.From(r, context)).ToList());
    }

    private static async Task<SalesReturnResponse> CreateAsync(CreateSalesReturnRequest request, SalesReturns returns, ShopFloorDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var orderId = request.SalesOrderId ?? throw new ValidationFailedException("sales_order_id", "is required");
        if (request.CustomerId is { } customer && await db.Set<SalesOrder>().AnyAsync(o => o.Id == orderId && o.CustomerId != customer, ct))
            throw new ValidationFailedException("customer_id", $"sales order {orderId} is not customer {customer}'s");
        var rows = new List<ReturnRowInput>();
        foreach (var (row, i) in request.SalesReturnRows.Rows("sales_return_rows").Select((r, i) => (r, i)))
            rows.Add(await SalesReturnRowsApi.InputAsync(row, $"sales_return_rows[{i}].", db, ct));
        var salesReturn = await returns.CreateAsync(new CreateSalesReturn(request.OrderNo, orderId, request.ReturnLocationId, request.AdditionalInfo, rows), ct);
        return await ResponseAsync(db, salesReturn, clock, ct);
    }

    public static async Task<SalesReturnResponse> ResponseAsync(ShopFloorDbContext db, SalesReturn salesReturn, TimeProvider clock, CancellationToken ct) =>
        SalesReturnResponse.From(salesReturn, await ReturnContext.ForAsync(db, [salesReturn], clock, ct));
}
