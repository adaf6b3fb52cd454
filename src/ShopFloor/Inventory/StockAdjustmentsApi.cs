using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Inventory;

public sealed record StockAdjustmentRowRequest(long? VariantId, decimal? Quantity, decimal? CostPerUnit);

public sealed record CreateStockAdjustmentRequest(
    string? StockAdjustmentNumber, DateTime? StockAdjustmentDate, long? LocationId, string? Reason, string? AdditionalInfo,
    IReadOnlyList<StockAdjustmentRowRequest>? StockAdjustmentRows);

public sealed record UpdateStockAdjustmentRequest(
    string? StockAdjustmentNumber, DateTime? StockAdjustmentDate, long? LocationId, string? Reason, string? AdditionalInfo);

public sealed record StockAdjustmentRowResponse(long Id, long VariantId, decimal Quantity, decimal? CostPerUnit);

public sealed record StockAdjustmentResponse(
    long Id, string StockAdjustmentNumber, DateTime StockAdjustmentDate, long LocationId, string? Reason,
    string? AdditionalInfo, IReadOnlyList<StockAdjustmentRowResponse> StockAdjustmentRows, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static StockAdjustmentResponse From(StockAdjustment a) => new(
        a.Id, a.StockAdjustmentNumber, a.StockAdjustmentDate, a.LocationId, a.Reason, a.AdditionalInfo,
        a.Rows.Select(r => new StockAdjustmentRowResponse(r.Id, r.VariantId, r.Quantity, r.CostPerUnit)).ToList(),
        a.CreatedAt, a.CreatedAt);
}

/// <summary>/v1/stock_adjustments (R-ADJ-1): each row becomes one movement.</summary>
public static class StockAdjustmentsApi
{
    public static void MapStockAdjustments(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/stock_adjustments").WithTags("Inventory");
        group.MapGet("", ([FromQuery(Name = "location_id")] long? locationId, [AsParameters] PageQuery paging,
                ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
            db.StockAdjustments.AsNoTracking().Include(a => a.Rows)
                .Where(a => locationId == null || a.LocationId == locationId)
                .OrderByDescending(a => a.Id)
                .ToPageAsync(paging, http, StockAdjustmentResponse.From, ct));
        group.MapGet("/{id:long}", async Task<Ok<StockAdjustmentResponse>> (long id, ShopFloorDbContext db, CancellationToken ct) =>
            await db.StockAdjustments.Include(a => a.Rows).FirstOrDefaultAsync(a => a.Id == id, ct) is { } adjustment
                ? TypedResults.Ok(StockAdjustmentResponse.From(adjustment))
                : throw new NotFoundException("Stock adjustment", id));
        group.MapPost("", async (CreateStockAdjustmentRequest request, StockAdjustments adjustments, CancellationToken ct) =>
        {
            var rows = request.StockAdjustmentRows.Rows("stock_adjustment_rows").Select((row, i) => new AdjustmentRowInput(
                row.VariantId ?? throw new ValidationFailedException($"stock_adjustment_rows[{i}].variant_id", "is required"),
                row.Quantity ?? throw new ValidationFailedException($"stock_adjustment_rows[{i}].quantity", "is required"),
                row.CostPerUnit)).ToList();
            var adjustment = await adjustments.CreateAsync(new CreateStockAdjustment(
                request.StockAdjustmentNumber,
                request.LocationId ?? throw new ValidationFailedException("location_id", "is required"),
                request.Reason, request.AdditionalInfo, request.StockAdjustmentDate, rows), ct);
            return TypedResults.Ok(StockAdjustmentResponse.From(adjustment));
        });
        group.MapPatch("/{id:long}", UpdateAsync);
        group.MapDelete("/{id:long}", DeleteAsync);
    }

    private static async Task<Ok<StockAdjustmentResponse>> UpdateAsync(long id, UpdateStockAdjustmentRequest request, StockAdjustments adjustments,
        CancellationToken ct) =>
        TypedResults.Ok(StockAdjustmentResponse.From(await adjustments.UpdateAsync(id, request.StockAdjustmentNumber, request.StockAdjustmentDate,
            request.LocationId, request.Reason, request.AdditionalInfo, ct)));

    /// <summary>The stock goes back to what it was without the adjustment.</summary>
    private static async Task<NoContent> DeleteAsync(long id, StockAdjustments adjustments, CancellationToken ct)
    {
        await adjustments.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }
}
