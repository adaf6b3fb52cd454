using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Inventory;

public sealed record StockTransferRowRequest(long? VariantId, decimal? Quantity);

public sealed record CreateStockTransferRequest(
    string? StockTransferNumber, long? SourceLocationId, long? TargetLocationId, string? Status, DateTime? TransferDate,
    DateTime? ExpectedArrivalDate, string? AdditionalInfo, IReadOnlyList<StockTransferRowRequest>? StockTransferRows);

public sealed record UpdateStockTransferStatusRequest(string? Status);

public sealed record UpdateStockTransferRequest(
    string? StockTransferNumber, DateTime? TransferDate, DateTime? OrderCreatedDate, DateTime? ExpectedArrivalDate, string? AdditionalInfo);

public sealed record StockTransferRowResponse(long Id, long VariantId, decimal Quantity);

public sealed record StockTransferResponse(
    long Id, string StockTransferNumber, long SourceLocationId, long TargetLocationId, string Status, DateTime TransferDate,
    DateTime? ExpectedArrivalDate, string? AdditionalInfo, IReadOnlyList<StockTransferRowResponse> StockTransferRows,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    public static StockTransferResponse From(StockTransfer t) => new(
        t.Id, t.StockTransferNumber, t.SourceLocationId, t.TargetLocationId, StatusNames.Of(t.Status), t.TransferDate,
        t.ExpectedArrivalDate, t.AdditionalInfo, t.Rows.Select(r => new StockTransferRowResponse(r.Id, r.VariantId, r.Quantity)).ToList(),
        t.CreatedAt, t.UpdatedAt);
}

/// <summary>Katana's spelling of transfer statuses: draft, inTransit, received.</summary>
public static class StatusNames
{
    public static string Of(StockTransferStatus status) => status switch
    {
        StockTransferStatus.Draft => "draft",
        StockTransferStatus.InTransit => "inTransit",
        _ => "received",
    };

    public static StockTransferStatus Parse(string? status) => status switch
    {
        "draft" => StockTransferStatus.Draft,
        "inTransit" => StockTransferStatus.InTransit,
        "received" => StockTransferStatus.Received,
        _ => throw new ValidationFailedException("status", "must be one of draft, inTransit, received"),
    };
}

/// <summary>/v1/stock_transfers: stock leaves the source when in transit and reaches the target when received.</summary>
public static class StockTransfersApi
{
    public static void MapStockTransfers(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/stock_transfers").WithTags("Inventory");
        group.MapGet("", ([AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
            db.StockTransfers.AsNoTracking().Include(t => t.Rows).OrderByDescending(t => t.Id)
                .ToPageAsync(paging, http, StockTransferResponse.From, ct));
        group.MapGet("/{id:long}", async Task<Ok<StockTransferResponse>> (long id, ShopFloorDbContext db, CancellationToken ct) =>
            await db.StockTransfers.Include(t => t.Rows).FirstOrDefaultAsync(t => t.Id == id, ct) is { } transfer
                ? TypedResults.Ok(StockTransferResponse.From(transfer))
                : throw new NotFoundException("Stock transfer", id));
        group.MapPost("", async (CreateStockTransferRequest request, StockTransfers transfers, CancellationToken ct) =>
        {
            var rows = request.StockTransferRows.Rows("stock_transfer_rows").Select((row, i) => new TransferRowInput(
                row.VariantId ?? throw new ValidationFailedException($"stock_transfer_rows[{i}].variant_id", "is required"),
                row.Quantity ?? throw new ValidationFailedException($"stock_transfer_rows[{i}].quantity", "is required"))).ToList();
            var transfer = await transfers.CreateAsync(new CreateStockTransfer(
                request.StockTransferNumber,
                request.SourceLocationId ?? throw new ValidationFailedException("source_location_id", "is required"),
                request.TargetLocationId ?? throw new ValidationFailedException("target_location_id", "is required"),
                StatusNames.Parse(request.Status ?? "received"), request.TransferDate, request.ExpectedArrivalDate,
                request.AdditionalInfo, rows), ct);
            return TypedResults.Ok(StockTransferResponse.From(transfer));
        });
        group.MapPatch("/{id:long}/status", async (long id, UpdateStockTransferStatusRequest request, StockTransfers transfers, CancellationToken ct) =>
            TypedResults.Ok(StockTransferResponse.From(await transfers.ChangeStatusAsync(id, StatusNames.Parse(request.Status), ct))));
        group.MapPatch("/{id:long}", UpdateAsync);
        group.MapDelete("/{id:long}", DeleteAsync);
    }

    private static async Task<Ok<StockTransferResponse>> UpdateAsync(long id, UpdateStockTransferRequest request, StockTransfers transfers, CancellationToken ct) =>
        TypedResults.Ok(StockTransferResponse.From(await transfers.UpdateAsync(id, request.StockTransferNumber,
            request.TransferDate ?? request.OrderCreatedDate, request.ExpectedArrivalDate, request.AdditionalInfo, ct)));

    /// <summary>The goods go back where they were before the transfer.</summary>
    private static async Task<NoContent> DeleteAsync(long id, StockTransfers transfers, CancellationToken ct)
    {
        await transfers.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }
}
