using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Inventory;

public sealed record StocktakeRowRequest(long? VariantId, decimal? CountedQuantity, string? Notes, long? BatchId = null);

public sealed record CreateStocktakeRequest(
    string? StocktakeNumber, long? LocationId, string? Reason, string? AdditionalInfo, DateTime? CreatedDate, bool? SetRemainingItemsAsCounted,
    IReadOnlyList<StocktakeRowRequest?>? StocktakeRows);

public sealed record UpdateStocktakeRequest(
    string? StocktakeNumber, long? LocationId, string? Reason, string? Status, string? AdditionalInfo, DateTime? CreatedDate, DateTime? CompletedDate,
    bool? SetRemainingItemsAsCounted);

public sealed record AddStocktakeRowsRequest(long? StocktakeId, IReadOnlyList<StocktakeRowRequest?>? StocktakeRows);

public sealed record UpdateStocktakeRowRequest(long? VariantId, decimal? CountedQuantity, string? Notes, long? BatchId = null, long? BinLocationId = null);

public sealed record StocktakeRowResponse(
    long Id, long StocktakeId, long VariantId, decimal InStockQuantity, decimal? CountedQuantity, decimal? DiscrepancyQuantity, string? Notes,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    public static StocktakeRowResponse From(StocktakeRow r, long stocktakeId) =>
        new(r.Id, stocktakeId, r.VariantId, r.InStockQuantity, r.CountedQuantity, r.Discrepancy, r.Notes, r.CreatedAt, r.UpdatedAt);
}

public sealed record StocktakeResponse(
    long Id, string StocktakeNumber, long LocationId, string Status, DateTime StocktakeCreatedDate, DateTime? StartedDate, DateTime? CompletedDate,
    bool StatusUpdateInProgress, bool SetRemainingItemsAsCounted, long? StockAdjustmentId, string? Reason, string? AdditionalInfo,
    IReadOnlyList<StocktakeRowResponse> StocktakeRows, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static StocktakeResponse From(Stocktake s) => new(
        s.Id, s.StocktakeNumber, s.LocationId, EnumNames.Upper(s.Status), s.StocktakeCreatedDate, s.StartedDate, s.CompletedDate, false,
        s.SetRemainingItemsAsCounted, s.StockAdjustmentId, s.Reason, s.AdditionalInfo,
        s.Rows.Select(r => StocktakeRowResponse.From(r, s.Id)).ToList(), s.CreatedAt, s.UpdatedAt);
}

/// <summary>/v1/stocktakes and /v1/stocktake_rows: counting what is on the shelves; completing corrects stock by one adjustment.</summary>
public static class StocktakesApi
{
    public static void MapStocktakes(this IEndpointRouteBuilder v1)
    {
        var stocktakes = v1.MapGroup("/stocktakes").WithTags("Inventory");
        stocktakes.MapGet("", ListAsync);
        stocktakes.MapGet("/{id:long}", GetAsync);
        stocktakes.MapPost("", CreateAsync);
        stocktakes.MapPatch("/{id:long}", UpdateAsync);
        stocktakes.MapDelete("/{id:long}", DeleteAsync);

        var rows = v1.MapGroup("/stocktake_rows").WithTags("Inventory");
        rows.MapGet("", ListRowsAsync);
        rows.MapPost("", AddRowsAsync);
        rows.MapPatch("/{id:long}", UpdateRowAsync);
        rows.MapDelete("/{id:long}", DeleteRowAsync);
    }

    private static Task<ListResponse<StocktakeResponse>> ListAsync([FromQuery(Name = "location_id")] long? locationId, string? status,
        [AsParameters] RecordFilters filters, [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct)
    {
        var wanted = status is null ? (StocktakeStatus?)null : EnumNames.Parse<StocktakeStatus>(status, "status");
        return filters.Apply(db.Set<Stocktake>().AsNoTracking(), db)
            .Where(s => (locationId == null || s.LocationId == locationId) && (wanted == null || s.Status == wanted))
            .OrderByDescending(s => s.Id).ToPageAsync(paging, http, StocktakeResponse.From, ct);
    }

    private static async Task<Ok<StocktakeResponse>> GetAsync(long id, ShopFloorDbContext db, CancellationToken ct) =>
        TypedResults.Ok(StocktakeResponse.From(await db.Set<Stocktake>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException("Stocktake", id)));

    private static async Task<Ok<StocktakeResponse>> CreateAsync(CreateStocktakeRequest request, Stocktakes stocktakes, CancellationToken ct)
    {
        var stocktake = await stocktakes.CreateAsync(new CreateStocktake(request.StocktakeNumber,
            request.LocationId ?? throw new ValidationFailedException("location_id", "is required"), request.Reason, request.AdditionalInfo,
            request.CreatedDate, request.SetRemainingItemsAsCounted ?? false, Counts(request.StocktakeRows)), ct);
        return TypedResults.Ok(StocktakeResponse.From(stocktake));
    }

    /// <summary>Status COMPLETED corrects stock to the counts; completed_date is when that happens, not a field to set.</summary>
    private static async Task<Ok<StocktakeResponse>> UpdateAsync(long id, UpdateStocktakeRequest request, Stocktakes stocktakes, CancellationToken ct)
    {
        var status = request.Status is null ? (StocktakeStatus?)null : EnumNames.Parse<StocktakeStatus>(request.Status, "status");
        var stocktake = await stocktakes.UpdateAsync(id, new UpdateStocktake(request.StocktakeNumber, request.LocationId, request.Reason,
            request.AdditionalInfo, request.CreatedDate, request.SetRemainingItemsAsCounted, status), ct);
        return TypedResults.Ok(StocktakeResponse.From(stocktake));
    }

    private static async Task<NoContent> DeleteAsync(long id, Stocktakes stocktakes, CancellationToken ct)
    {
        await stocktakes.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static Task<ListResponse<StocktakeRowResponse>> ListRowsAsync([FromQuery(Name = "stocktake_id")] long? stocktakeId,
        [FromQuery(Name = "variant_id")] long? variantId, [FromQuery(Name = "batch_id")] long? batchId, [AsParameters] RecordFilters filters,
        [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct)
    {
        if (batchId is not null)
            throw new ValidationFailedException("batch_id", "ShopFloor does not track batches");
        return filters.Apply(db.Set<StocktakeRow>().AsNoTracking(), db)
            .Where(r => (stocktakeId == null || r.StocktakeId == stocktakeId) && (variantId == null || r.VariantId == variantId))
            .OrderBy(r => r.Id).ToPageAsync(paging, http, r => StocktakeRowResponse.From(r, r.StocktakeId), ct);
    }

    /// <summary>Katana answers the rows it added, as a list.</summary>
    private static async Task<Ok<List<StocktakeRowResponse>>> AddRowsAsync(AddStocktakeRowsRequest request, Stocktakes stocktakes, CancellationToken ct)
    {
        var stocktakeId = request.StocktakeId ?? throw new ValidationFailedException("stocktake_id", "is required");
        var added = await stocktakes.AddRowsAsync(stocktakeId, Counts(request.StocktakeRows), ct);
        return TypedResults.Ok(added.Select(r => StocktakeRowResponse.From(r, stocktakeId)).ToList());
    }

    private static async Task<Ok<StocktakeRowResponse>> UpdateRowAsync(long id, UpdateStocktakeRowRequest request, Stocktakes stocktakes,
        ShopFloorDbContext db, CancellationToken ct)
    {
        if (request.BatchId is not null || request.BinLocationId is not null)
            throw new ValidationFailedException(request.BatchId is not null ? "batch_id" : "bin_location_id", "ShopFloor does not track batches or bins");
        var current = await db.Set<StocktakeRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Stocktake row", id);
        if (request.VariantId is { } variant && variant != current.VariantId)
            throw new ValidationFailedException("variant_id", "a row counts one variant; add a row for the other variant instead");
        var row = await stocktakes.ChangeRowAsync(id, request.CountedQuantity, request.Notes, ct);
        return TypedResults.Ok(StocktakeRowResponse.From(row, current.StocktakeId));
    }

    private static async Task<NoContent> DeleteRowAsync(long id, Stocktakes stocktakes, CancellationToken ct)
    {
        await stocktakes.DeleteRowAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static List<CountInput> Counts(IReadOnlyList<StocktakeRowRequest?>? rows) =>
        (rows ?? []).Select((row, i) =>
        {
            var r = row ?? throw new ValidationFailedException($"stocktake_rows[{i}]", "is required");
            if (r.BatchId is not null)
                throw new ValidationFailedException($"stocktake_rows[{i}].batch_id", "ShopFloor does not track batches");
            return new CountInput(r.VariantId ?? throw new ValidationFailedException($"stocktake_rows[{i}].variant_id", "is required"), r.CountedQuantity, r.Notes);
        }).ToList();
}
