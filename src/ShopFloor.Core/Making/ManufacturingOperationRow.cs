using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Making;

public enum OperationStatus
{
    NotStarted,
    Blocked,
    InProgress,
    Paused,
    Completed,
}

/// <summary>How an operation's time counts: per unit made, or once for the order (set-up, fixed), as Katana's.</summary>
public enum OperationType
{
    Process,
    Setup,
    PerUnit,
    Fixed,
}

/// <summary>Who works or worked on an operation: the merchant's own operator id and name.</summary>
public sealed record OperatorRef(long OperatorId, string Name);

/// <summary>
/// A step of the work on a manufacturing order (cut, assemble, finish) with its planned and actual time in minutes
/// and its cost per hour. Operations carry no stock; they tell the workshop what to do and what the work cost.
/// </summary>
public sealed class ManufacturingOperationRow
{
    private ManufacturingOperationRow() { }

    public ManufacturingOperationRow(long manufacturingOrderId, string name, int rank, DateTime now)
    {
        ManufacturingOrderId = manufacturingOrderId;
        OperationName = Guard.Required(name, "operation_name");
        Rank = rank;
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public long ManufacturingOrderId { get; private set; }
    public int Rank { get; set; }
    public OperationType Type { get; set; } = OperationType.Process;
    public OperationStatus Status { get; private set; } = OperationStatus.NotStarted;

    /// <summary>The operation's and resource's ids in the merchant's own catalogue, kept as given.</summary>
    public long? OperationId { get; set; }

    public string OperationName { get; private set; } = "";
    public long? ResourceId { get; set; }
    public string? ResourceName { get; set; }

    public List<OperatorRef> AssignedOperators { get; set; } = [];
    public List<OperatorRef> CompletedByOperators { get; set; } = [];

    public decimal PlannedTimePerUnit { get; private set; }
    public decimal CostPerHour { get; private set; }
    public decimal TotalActualTime { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public decimal PlannedCostPerUnit => Math.Round(PlannedTimePerUnit / 60 * CostPerHour, 6);
    public decimal TotalActualCost => Math.Round(TotalActualTime / 60 * CostPerHour, 6);

    public void Rename(string name) => OperationName = Guard.Required(name, "operation_name");

    public void Plan(decimal? minutesPerUnit, decimal? costPerHour, decimal? actualMinutes)
    {
        if (minutesPerUnit is { } planned) PlannedTimePerUnit = Guard.NotNegative(planned, "planned_time_per_unit") ?? 0;
        if (costPerHour is { } cost) CostPerHour = Guard.NotNegative(cost, "cost_per_hour") ?? 0;
        if (actualMinutes is { } actual) TotalActualTime = Guard.NotNegative(actual, "total_actual_time") ?? 0;
    }

    public void MoveTo(OperationStatus status, DateTime now)
    {
        Status = status;
        CompletedAt = status == OperationStatus.Completed ? CompletedAt ?? now : null;
        UpdatedAt = now;
    }

    public void Touch(DateTime now) => UpdatedAt = now;
}

internal sealed class ManufacturingOperationRowConfiguration : IEntityTypeConfiguration<ManufacturingOperationRow>
{
    public void Configure(EntityTypeBuilder<ManufacturingOperationRow> row)
    {
        row.ToTable("manufacturing_order_operation_rows");
        row.Property(r => r.OperationName).HasMaxLength(200);
        row.Property(r => r.ResourceName).HasMaxLength(200);
        row.Property(r => r.AssignedOperators).AsJson();
        row.Property(r => r.CompletedByOperators).AsJson();
        row.Ignore(r => r.PlannedCostPerUnit);
        row.Ignore(r => r.TotalActualCost);
        row.HasOne<ManufacturingOrder>().WithMany().HasForeignKey(r => r.ManufacturingOrderId).OnDelete(DeleteBehavior.Cascade);
        row.HasIndex(r => new { r.ManufacturingOrderId, r.Rank });
    }
}
