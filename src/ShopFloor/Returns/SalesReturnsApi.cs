using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Returns;
using ShopFloor.Core.Sales;

namespace ShopFloor.Returns;

public sealed record ReturnRowRequest(long? SalesOrderRowId, decimal? Quantity, bool? Restock, string? Reason);

public sealed record CreateSalesReturnRequest(
    string? OrderNo, long? SalesOrderId, long? ReturnLocationId, string? AdditionalInfo, IReadOnlyList<ReturnRowRequest>? SalesReturnRows);

public sealed record ReturnStatusRequest(string? Status);

public sealed record SalesReturnRowResponse(long Id, long SalesOrderRowId, long VariantId, decimal Quantity, bool Restock, string? Reason);

public sealed record SalesReturnResponse(
    long Id, string OrderNo, long SalesOrderId, long ReturnLocationId, string Status, string? AdditionalInfo, DateTime CreatedAt,
    DateTime UpdatedAt, DateTime? ReturnDate, IReadOnlyList<SalesReturnRowResponse> SalesReturnRows)
{
    public static SalesReturnResponse From(SalesReturn r) => new(
        r.Id, r.ReturnNo, r.SalesOrderId, r.LocationId, EnumNames.Upper(r.Status), r.AdditionalInfo, r.CreatedAt, r.UpdatedAt, r.ReturnedAt,
        r.Rows.Select(x => new SalesReturnRowResponse(x.Id, x.SalesOrderRowId, x.VariantId, x.Quantity, x.Restock, x.Reason)).ToList());
}

public sealed record ReturnableItemResponse(long SalesOrderRowId, long VariantId, decimal QuantityReturnable);

/// <summary>/v1/sales_returns (R-RET-1) and /v1/sales_orders/{id}/returnable_items.</summary>
public static class SalesReturnsApi
{
    public static void MapSalesReturns(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/sales_returns").WithTags("Returns");
        group.MapGet("", ([AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
            db.Set<SalesReturn>().AsNoTracking().Include(r => r.Rows).OrderByDescending(r => r.Id).ToPageAsync(paging, http, SalesReturnResponse.From, ct));
        group.MapGet("/{id:long}", async (long id, SalesReturns returns, CancellationToken ct) =>
            TypedResults.Ok(SalesReturnResponse.From(await returns.LoadAsync(id, ct))));
        group.MapPost("", async (CreateSalesReturnRequest request, SalesReturns returns, CancellationToken ct) =>
        {
            var salesReturn = await returns.CreateAsync(new CreateSalesReturn(request.OrderNo,
                request.SalesOrderId ?? throw new ValidationFailedException("sales_order_id", "is required"),
                request.ReturnLocationId, request.AdditionalInfo,
                request.SalesReturnRows.Rows("sales_return_rows").Select((r, i) => new ReturnRowInput(
                    r.SalesOrderRowId ?? throw new ValidationFailedException($"sales_return_rows[{i}].sales_order_row_id", "is required"),
                    r.Quantity ?? throw new ValidationFailedException($"sales_return_rows[{i}].quantity", "is required"),
                    r.Restock ?? true, r.Reason)).ToList()), ct);
            return TypedResults.Ok(SalesReturnResponse.From(salesReturn));
        });
        group.MapPatch("/{id:long}", async (long id, ReturnStatusRequest request, SalesReturns returns, CancellationToken ct) =>
            TypedResults.Ok(SalesReturnResponse.From(await returns.SetStatusAsync(id, EnumNames.Parse<SalesReturnStatus>(request.Status, "status"), ct))));

        v1.MapGet("/sales_orders/{id:long}/returnable_items", async (long id, SalesOrders sales, SalesReturns returns, CancellationToken ct) =>
        {
            var order = await sales.LoadAsync(id, ct);
            var returnable = await returns.ReturnableAsync(order, ct);
            return TypedResults.Ok(order.Rows.Where(r => returnable.GetValueOrDefault(r.Id) > 0)
                .Select(r => new ReturnableItemResponse(r.Id, r.VariantId!.Value, returnable[r.Id])).ToList());
        }).WithTags("Returns");
    }
}
