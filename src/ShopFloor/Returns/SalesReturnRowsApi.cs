using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Returns;

namespace ShopFloor.Returns;

/// <summary>/v1/sales_return_rows: a return's rows one at a time, while its goods have not come back.</summary>
public static class SalesReturnRowsApi
{
    public static void MapSalesReturnRows(this IEndpointRouteBuilder v1)
    {
        var rows = v1.MapGroup("/sales_return_rows").WithTags("Returns");
        rows.MapGet("", async ([FromQuery(Name = "sales_return_id")] long? returnId, [FromQuery(Name = "variant_id")] long? variantId,
            [FromQuery(Name = "ids")] string[]? ids, [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        {
            var rowIds = RecordFilters.Parse(ids, "ids");
            var page = await db.Set<SalesReturnRow>().AsNoTracking()
                .Where(r => (returnId == null || r.SalesReturnId == returnId) && (variantId == null || r.VariantId == variantId)
                    && (rowIds.Count == 0 || rowIds.Contains(r.Id)))
                .OrderBy(r => r.Id).ToPageAsync(paging, http, r => r, ct);
            var parents = await db.Set<SalesReturn>().AsNoTracking().Include(r => r.Rows)
                .Where(r => page.Data.Select(x => x.SalesReturnId).Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            var context = await ReturnContext.ForAsync(db, parents.Values, clock, ct);
            return new ListResponse<SalesReturnRowResponse>(page.Data.Select(r =>
                SalesReturnRowResponse.From(r, parents[r.SalesReturnId], context.FulfillmentRowOf(r.SalesOrderRowId))).ToList());
        });
        rows.MapGet("/{id:long}", async (long id, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) => await ResponseAsync(db, id, clock, ct));
        rows.MapPost("", async (ReturnRowRequest request, SalesReturns returns, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var returnId = request.SalesReturnId ?? throw new ValidationFailedException("sales_return_id", "is required");
            var row = await returns.AddRowAsync(returnId, await InputAsync(request, "", db, ct), ct);
            return await ResponseAsync(db, row.Id, clock, ct);
        });
        rows.MapPatch("/{id:long}", async (long id, ReturnRowRequest request, SalesReturns returns, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            await returns.ChangeRowAsync(id, request.Quantity, request.Restock, request.Reason ?? ReturnReasons.NameOf(request.ReasonId), ct);
            return await ResponseAsync(db, id, clock, ct);
        });
        rows.MapDelete("/{id:long}", async (long id, SalesReturns returns, CancellationToken ct) =>
        {
            await returns.DeleteRowAsync(id, ct);
            return TypedResults.NoContent();
        });
    }

    /// <summary>A row named by ShopFloor's sales_order_row_id or by Katana's fulfillment_row_id.</summary>
    public static async Task<ReturnRowInput> InputAsync(ReturnRowRequest row, string at, ShopFloorDbContext db, CancellationToken ct) => new(
        row.SalesOrderRowId ?? (row.FulfillmentRowId is { } f ? await ReturnContext.SalesOrderRowOfAsync(db, f, at + "fulfillment_row_id", ct)
            : throw new ValidationFailedException(at + "fulfillment_row_id", "is required (or sales_order_row_id)")),
        row.Quantity ?? throw new ValidationFailedException(at + "quantity", "is required"),
        row.Restock ?? true, row.Reason ?? ReturnReasons.NameOf(row.ReasonId));

    private static async Task<SalesReturnRowResponse> ResponseAsync(ShopFloorDbContext db, long rowId, TimeProvider clock, CancellationToken ct)
    {
        var parent = await db.Set<SalesReturn>().AsNoTracking().Include(r => r.Rows).FirstOrDefaultAsync(r => r.Rows.Any(x => x.Id == rowId), ct)
            ?? throw new NotFoundException("Sales return row", rowId);
        var row = parent.Rows.First(r => r.Id == rowId);
        var context = await ReturnContext.ForAsync(db, [parent], clock, ct);
        return SalesReturnRowResponse.From(row, parent, context.FulfillmentRowOf(row.SalesOrderRowId));
    }
}
