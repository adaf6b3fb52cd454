using Microsoft.EntityFrameworkCore;
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

    public Task<StockAdjustment> UpdateAsync(long id, string? number, DateTime? date, long? locationId, string? reason, string? additionalInfo,
        CancellationToken ct) => db.InTransactionAsync(async token =>
        {
            var adjustment = await LoadForChangeAsync(id, token);
            if (locationId is { } moved)
                await ledger.ValidateAsync(adjustment.Rows.Select(r => r.VariantId), [moved], token);
            await ledger.ChangeAsync(adjustment, () => adjustment.Change(number, date, locationId, reason, additionalInfo), token);
            return adjustment;
        }, ct);

    /// <summary>Deleting an adjustment takes back what it changed: its movements are reversed, as if it had never been.</summary>
    public Task DeleteAsync(long id, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var adjustment = await LoadForChangeAsync(id, token);
        var before = adjustment.Footprint().ToList();
        db.StockAdjustments.Remove(adjustment);
        await db.SaveChangesAsync(token);
        await ledger.ApplyAsync(StockFootprint.Diff(before, []), token);
        return true;
    }, ct);

    private async Task<StockAdjustment> LoadForChangeAsync(long id, CancellationToken ct)
    {
        await db.LockAsync<StockAdjustment>(id, ct);
        return await db.StockAdjustments.Include(a => a.Rows).FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("Stock adjustment", id);
    }
}
