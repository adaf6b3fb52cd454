using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Inventory;

public sealed record CreateStockAdjustment(
    string? StockAdjustmentNumber,
    long LocationId,
    string? Reason,
    string? AdditionalInfo,
    DateTime? StockAdjustmentDate,
    IReadOnlyList<AdjustmentRowInput> Rows);

public sealed record AdjustmentRowInput(long VariantId, decimal Quantity, decimal? CostPerUnit);

/// <summary>R-ADJ-1: records an adjustment and its movements in one transaction.</summary>
public sealed class StockAdjustments(ShopFloorDbContext db, StockLedger ledger, TimeProvider clock)
{
    public Task<StockAdjustment> CreateAsync(CreateStockAdjustment command, CancellationToken ct)
    {
        Guard.RowCount(command.Rows.Count, "stock_adjustment_rows");
        return db.InTransactionAsync(async token =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var number = command.StockAdjustmentNumber ?? $"SA-{now:yyyyMMddHHmmssfff}";
            var adjustment = new StockAdjustment(number, command.LocationId, command.Reason, command.StockAdjustmentDate ?? now, now)
            {
                AdditionalInfo = command.AdditionalInfo,
            };
            foreach (var row in command.Rows)
                adjustment.AddRow(row.VariantId, row.Quantity, row.CostPerUnit);
            await ledger.ValidateAsync(adjustment.StockChanges().ToList(), token);
            db.StockAdjustments.Add(adjustment);
            await db.SaveChangesAsync(token);
            await ledger.ApplyAsync(adjustment.StockChanges(), token);
            return adjustment;
        }, ct);
    }
}
