using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Making;

namespace ShopFloor.Making;

/// <summary>Katana's operator as a request names it.</summary>
public sealed record OperatorRequest(long? Id, string? OperatorName);

/// <summary>Katana's request; planned_time_parameter and cost_parameter are its newer names for the time per unit (minutes) and the cost per hour.</summary>
public sealed record OperationRowRequest(
    long? ManufacturingOrderId, long? OperationId, string? Type, string? OperationName, long? ResourceId, string? ResourceName,
    decimal? PlannedTimeParameter, decimal? PlannedTimePerUnit, decimal? TotalActualTime, decimal? CostParameter, decimal? CostPerHour, string? Status,
    IReadOnlyList<OperatorRequest?>? AssignedOperators, IReadOnlyList<OperatorRequest?>? CompletedByOperators);

public sealed record AssignedOperatorResponse(long OperatorId, string Name);

public sealed record OperationRowResponse(
    long Id, string Status, string Type, int Rank, long ManufacturingOrderId, long? OperationId, string OperationName, long? ResourceId,
    string? ResourceName, IReadOnlyList<AssignedOperatorResponse> AssignedOperators, IReadOnlyList<AssignedOperatorResponse> CompletedByOperators,
    string PlannedTimePerUnit,
    string PlannedTimeParameter, string TotalActualTime, string PlannedCostPerUnit, string TotalActualCost, decimal TotalConsumedTime,
    decimal TotalRemainingTime, string CostPerHour, string CostParameter, bool IsStatusActionable, DateTime? CompletedAt, DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static OperationRowResponse From(ManufacturingOperationRow r, decimal plannedQuantity)
    {
        var planned = r.Type is OperationType.PerUnit or OperationType.Process ? r.PlannedTimePerUnit * plannedQuantity : r.PlannedTimePerUnit;
        return new(r.Id, EnumNames.Upper(r.Status), JsonNamingPolicy.CamelCase.ConvertName(r.Type.ToString()), r.Rank, r.ManufacturingOrderId,
            r.OperationId, r.OperationName, r.ResourceId, r.ResourceName, Operators(r.AssignedOperators), Operators(r.CompletedByOperators),
            Text(r.PlannedTimePerUnit), Text(r.PlannedTimePerUnit),
            Text(r.TotalActualTime), Text(r.PlannedCostPerUnit), Text(r.TotalActualCost), r.TotalActualTime,
            r.Status == OperationStatus.Completed ? 0 : Math.Max(0, planned - r.TotalActualTime), Text(r.CostPerHour), Text(r.CostPerHour),
            r.Status != OperationStatus.Completed, r.CompletedAt, r.CreatedAt, r.UpdatedAt);
    }

    private static string Text(decimal value) => DecimalJsonConverter.Format(value);

    private static List<AssignedOperatorResponse> Operators(IEnumerable<OperatorRef> operators) =>
        operators.Select(o => new AssignedOperatorResponse(o.OperatorId, o.Name)).ToList();
}

/// <summary>/v1/manufacturing_order_operation_rows: the steps of the work on a manufacturing order, timed in minutes.</summary>
public static class OperationRowsApi
{
    public static void MapOperationRows(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/manufacturing_order_operation_rows").WithTags("Manufacturing orders");
        group.MapGet("", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPost("", CreateAsync);
        group.MapPatch("/{id:long}", UpdateAsync);
        group.MapDelete("/{id:long}", DeleteAsync);
    }

    private static async Task<ListResponse<OperationRowResponse>> ListAsync(
        [FromQuery(Name = "manufacturing_order_id")] long? orderId, string? status, [AsParameters] RecordFilters filters, [AsParameters] PageQuery paging,
        ShopFloorDbContext db, HttpContext http, CancellationToken ct)
    {
        var wanted = status is null ? (OperationStatus?)null : EnumNames.Parse<OperationStatus>(status, "status");
        var page = await filters.Apply(db.Set<ManufacturingOperationRow>().AsNoTracking(), db)
            .Where(r => (orderId == null || r.ManufacturingOrderId == orderId) && (wanted == null || r.Status == wanted))
            .OrderBy(r => r.ManufacturingOrderId).ThenBy(r => r.Rank).ToPageAsync(paging, http, r => r, ct);
        var planned = await PlannedQuantitiesAsync(db, page.Data.Select(r => r.ManufacturingOrderId), ct);
        return new ListResponse<OperationRowResponse>(page.Data.Select(r => OperationRowResponse.From(r, planned[r.ManufacturingOrderId])).ToList());
    }

    private static async Task<Ok<OperationRowResponse>> GetAsync(long id, ShopFloorDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ResponseAsync(db, await db.Set<ManufacturingOperationRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException("Manufacturing order operation row", id), ct));

    private static async Task<Ok<OperationRowResponse>> CreateAsync(OperationRowRequest request, ManufacturingOperations operations,
        ShopFloorDbContext db, CancellationToken ct)
    {
        var row = await operations.AddAsync(request.ManufacturingOrderId ?? throw new ValidationFailedException("manufacturing_order_id", "is required"),
            Input(request), ct);
        return TypedResults.Ok(await ResponseAsync(db, row, ct));
    }

    private static async Task<Ok<OperationRowResponse>> UpdateAsync(long id, OperationRowRequest request, ManufacturingOperations operations,
        ShopFloorDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ResponseAsync(db, await operations.ChangeAsync(id, request.ManufacturingOrderId, Input(request), ct), ct));

    private static async Task<NoContent> DeleteAsync(long id, ManufacturingOperations operations, CancellationToken ct)
    {
        await operations.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static OperationInput Input(OperationRowRequest r)
    {
        var type = r.Type switch
        {
            null => (OperationType?)null,
            "process" => OperationType.Process,
            "setup" => OperationType.Setup,
            "perUnit" => OperationType.PerUnit,
            "fixed" => OperationType.Fixed,
            _ => throw new ValidationFailedException("type", "must be one of process, setup, perUnit, fixed"),
        };
        return new OperationInput(r.OperationName, type, r.OperationId, r.ResourceId, r.ResourceName, r.PlannedTimeParameter ?? r.PlannedTimePerUnit,
            r.CostParameter ?? r.CostPerHour, r.TotalActualTime, r.Status is null ? null : EnumNames.Parse<OperationStatus>(r.Status, "status"),
            Operators(r.AssignedOperators, "assigned_operators"), Operators(r.CompletedByOperators, "completed_by_operators"));
    }

    private static List<OperatorRef>? Operators(IReadOnlyList<OperatorRequest?>? operators, string field) =>
        operators?.Select((o, i) => new OperatorRef(
            o?.Id ?? throw new ValidationFailedException($"{field}[{i}].id", "is required"),
            o.OperatorName ?? throw new ValidationFailedException($"{field}[{i}].operator_name", "is required"))).ToList();

    private static async Task<OperationRowResponse> ResponseAsync(ShopFloorDbContext db, ManufacturingOperationRow row, CancellationToken ct) =>
        OperationRowResponse.From(row, (await PlannedQuantitiesAsync(db, [row.ManufacturingOrderId], ct))[row.ManufacturingOrderId]);

    private static async Task<Dictionary<long, decimal>> PlannedQuantitiesAsync(ShopFloorDbContext db, IEnumerable<long> orderIds, CancellationToken ct)
    {
        var ids = orderIds.Distinct().ToList();
        return await db.Set<ManufacturingOrder>().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.PlannedQuantity, ct);
    }
}
