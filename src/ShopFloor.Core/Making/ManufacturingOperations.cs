using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Making;

public sealed record OperationInput(
    string? OperationName, OperationType? Type, long? OperationId, long? ResourceId, string? ResourceName, decimal? PlannedTimePerUnit,
    decimal? CostPerHour, decimal? TotalActualTime, OperationStatus? Status, IReadOnlyList<OperatorRef>? AssignedOperators = null,
    IReadOnlyList<OperatorRef>? CompletedByOperators = null);

/// <summary>The steps of the work on manufacturing orders: added in order of rank, timed, and marked as they progress.</summary>
public sealed class ManufacturingOperations(ShopFloorDbContext db, TimeProvider clock)
{
    public async Task<ManufacturingOperationRow> AddAsync(long orderId, OperationInput input, CancellationToken ct)
    {
        if (!await db.Set<ManufacturingOrder>().AnyAsync(o => o.Id == orderId, ct))
            throw new ValidationFailedException("manufacturing_order_id", $"manufacturing order {orderId} does not exist");
        if (input.Status is { } status && status != OperationStatus.NotStarted)
            throw new ValidationFailedException("status", "an operation starts NOT_STARTED; move it on with a PATCH");
        var now = clock.GetUtcNow().UtcDateTime;
        var rank = await db.Set<ManufacturingOperationRow>().Where(r => r.ManufacturingOrderId == orderId).MaxAsync(r => (int?)r.Rank, ct) ?? 0;
        var row = new ManufacturingOperationRow(orderId, input.OperationName ?? throw new ValidationFailedException("operation_name", "is required"), rank + 1, now);
        Apply(row, input, now);
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    public async Task<ManufacturingOperationRow> ChangeAsync(long id, long? orderId, OperationInput input, CancellationToken ct)
    {
        var row = await db.Set<ManufacturingOperationRow>().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Manufacturing order operation row", id);
        if (orderId is { } moved && moved != row.ManufacturingOrderId)
            throw new ValidationFailedException("manufacturing_order_id", "an operation stays on its manufacturing order");
        if (input.OperationName is not null)
            row.Rename(input.OperationName);
        Apply(row, input, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return row;
    }

    public async Task DeleteAsync(long id, CancellationToken ct)
    {
        if (await db.Set<ManufacturingOperationRow>().Where(r => r.Id == id).ExecuteDeleteAsync(ct) == 0)
            throw new NotFoundException("Manufacturing order operation row", id);
    }

    private static void Apply(ManufacturingOperationRow row, OperationInput input, DateTime now)
    {
        if (input.Type is { } type) row.Type = type;
        if (input.OperationId is { } operation) row.OperationId = operation;
        if (input.ResourceId is { } resource) row.ResourceId = resource;
        if (input.ResourceName is not null) row.ResourceName = input.ResourceName;
        row.Plan(input.PlannedTimePerUnit, input.CostPerHour, input.TotalActualTime);
        if (input.AssignedOperators is not null) row.AssignedOperators = [.. input.AssignedOperators];
        if (input.CompletedByOperators is not null) row.CompletedByOperators = [.. input.CompletedByOperators];
        if (input.Status is { } status)
            row.MoveTo(status, now);
        else
            row.Touch(now);
    }
}
