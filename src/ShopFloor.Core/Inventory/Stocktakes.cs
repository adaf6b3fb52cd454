using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Inventory;

public sealed record CountInput(long VariantId, decimal? CountedQuantity, string? Notes);

public sealed record CreateStocktake(
    string? StocktakeNumber, long LocationId, string? Reason, string? AdditionalInfo, DateTime? CreatedDate, bool SetRemainingItemsAsCounted,
    IReadOnlyList<CountInput> Rows);

public sealed record UpdateStocktake(
    string? StocktakeNumber, long? LocationId, string? Reason, string? AdditionalInfo, DateTime? CreatedDate, bool? SetRemainingItemsAsCounted,
    StocktakeStatus? Status);

/// <summary>Stocktakes: counts kept row by row, and on completion one stock adjustment that brings stock to the counts.</summary>
public sealed class Stocktakes(ShopFloorDbContext db, StockLedger ledger, StockAdjustments adjustments, TimeProvider clock)
{
    public Task<Stocktake> CreateAsync(CreateStocktake command, CancellationToken ct)
    {
        Guard.RowCount(command.Rows.Count, "stocktake_rows", mayBeEmpty: true); // rows are often added while counting
        return db.InTransactionAsync(async token =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await ledger.ValidateAsync(command.Rows.Select(r => r.VariantId), [command.LocationId], token);
            var stocktake = new Stocktake(command.StocktakeNumber ?? $"STK-{now:yyyyMMddHHmmssfff}", command.LocationId, command.CreatedDate ?? now, now);
            stocktake.Change(null, null, command.Reason, command.AdditionalInfo, null, command.SetRemainingItemsAsCounted, now);
            var inStock = await InStockAsync(command.LocationId, command.Rows.Select(r => r.VariantId), token);
            foreach (var row in command.Rows)
                stocktake.AddRow(row.VariantId, inStock.GetValueOrDefault(row.VariantId), row.CountedQuantity, row.Notes, now);
            db.Add(stocktake);
            await db.SaveChangesAsync(token);
            return stocktake;
        }, ct);
    }

    public Task<Stocktake> UpdateAsync(long id, UpdateStocktake command, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var stocktake = await LoadForChangeAsync(id, token);
        var now = clock.GetUtcNow().UtcDateTime;
        if (command.LocationId is { } location)
            await ledger.ValidateAsync([], [location], token);
        stocktake.Change(command.StocktakeNumber, command.LocationId, command.Reason, command.AdditionalInfo, command.CreatedDate,
            command.SetRemainingItemsAsCounted, now);
        if (command.Status == StocktakeStatus.Completed)
            await CompleteAsync(stocktake, now, token);
        else if (command.Status is { } status)
            stocktake.MoveTo(status, now);
        await db.SaveChangesAsync(token);
        return stocktake;
    }, ct);

    /// <summary>A completed stocktake's correction stays in stock; deleting the stocktake removes the count, not the adjustment.</summary>
    public Task DeleteAsync(long id, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        db.Remove(await LoadForChangeAsync(id, token));
        await db.SaveChangesAsync(token);
        return true;
    }, ct);

    public Task<IReadOnlyList<StocktakeRow>> AddRowsAsync(long stocktakeId, IReadOnlyList<CountInput> rows, CancellationToken ct)
    {
        Guard.RowCount(rows.Count, "stocktake_rows");
        return db.InTransactionAsync<IReadOnlyList<StocktakeRow>>(async token =>
        {
            var stocktake = await LoadForChangeAsync(stocktakeId, token);
            await ledger.ValidateAsync(rows.Select(r => r.VariantId), [stocktake.LocationId], token);
            var inStock = await InStockAsync(stocktake.LocationId, rows.Select(r => r.VariantId), token);
            var now = clock.GetUtcNow().UtcDateTime;
            var added = rows.Select(r => stocktake.AddRow(r.VariantId, inStock.GetValueOrDefault(r.VariantId), r.CountedQuantity, r.Notes, now)).ToList();
            await db.SaveChangesAsync(token);
            return added;
        }, ct);
    }

    public Task<StocktakeRow> ChangeRowAsync(long rowId, decimal? counted, string? notes, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var stocktake = await LoadForChangeAsync(await StocktakeOfRowAsync(rowId, token), token);
        var row = stocktake.ChangeRow(rowId, counted, notes, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(token);
        return row;
    }, ct);

    public Task DeleteRowAsync(long rowId, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var stocktake = await LoadForChangeAsync(await StocktakeOfRowAsync(rowId, token), token);
        db.Remove(stocktake.RemoveRow(rowId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(token);
        return true;
    }, ct);

    private async Task CompleteAsync(Stocktake stocktake, DateTime now, CancellationToken ct)
    {
        var inStock = await InStockAsync(stocktake.LocationId, stocktake.Rows.Select(r => r.VariantId), ct);
        var corrections = stocktake.Complete(inStock, now);
        if (corrections.Count == 0)
            return;
        var adjustment = await adjustments.CreateAsync(new CreateStockAdjustment(
            Truncated($"{stocktake.StocktakeNumber} correction", 100), stocktake.LocationId, stocktake.Reason ?? "Stocktake", $"Stocktake {stocktake.StocktakeNumber}", now,
            corrections.Select(c => new AdjustmentRowInput(c.VariantId, c.Quantity, null)).ToList()), ct);
        stocktake.Corrected(adjustment.Id);
    }

    private static string Truncated(string text, int length) => text.Length <= length ? text : text[..length];

    private async Task<Dictionary<long, decimal>> InStockAsync(long locationId, IEnumerable<long> variantIds, CancellationToken ct)
    {
        var ids = variantIds.Distinct().ToList();
        return await db.StockLevels.AsNoTracking().Where(l => l.LocationId == locationId && ids.Contains(l.VariantId))
            .ToDictionaryAsync(l => l.VariantId, l => l.InStock, ct);
    }

    private async Task<Stocktake> LoadForChangeAsync(long id, CancellationToken ct)
    {
        await db.LockAsync<Stocktake>(id, ct);
        return await db.Set<Stocktake>().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("Stocktake", id);
    }

    private async Task<long> StocktakeOfRowAsync(long rowId, CancellationToken ct) =>
        await db.Set<StocktakeRow>().Where(r => r.Id == rowId).Select(r => (long?)r.StocktakeId).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Stocktake row", rowId);
}
