using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Inventory;

public sealed record CreateStockTransfer(
    string? StockTransferNumber,
    long SourceLocationId,
    long TargetLocationId,
    StockTransferStatus Status,
    DateTime? TransferDate,
    DateTime? ExpectedArrivalDate,
    string? AdditionalInfo,
    IReadOnlyList<TransferRowInput> Rows);

public sealed record TransferRowInput(long VariantId, decimal Quantity);

public sealed class StockTransfers(ShopFloorDbContext db, StockLedger ledger, TimeProvider clock)
{
    public Task<StockTransfer> CreateAsync(CreateStockTransfer command, CancellationToken ct)
    {
        Guard.RowCount(command.Rows.Count, "stock_transfer_rows");
        return db.InTransactionAsync(async token =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var transfer = new StockTransfer(command.StockTransferNumber ?? $"ST-{now:yyyyMMddHHmmssfff}",
                command.SourceLocationId, command.TargetLocationId, now)
            {
                ExpectedArrivalDate = command.ExpectedArrivalDate,
                AdditionalInfo = command.AdditionalInfo,
            };
            if (command.TransferDate is { } date)
                transfer.TransferDate = date;
            foreach (var row in command.Rows)
                transfer.AddRow(row.VariantId, row.Quantity);
            await ledger.ValidateAsync(transfer.Rows.Select(r => r.VariantId), [transfer.SourceLocationId, transfer.TargetLocationId], token);
            db.StockTransfers.Add(transfer);
            await db.SaveChangesAsync(token);
            await ledger.ApplyAsync(transfer.ChangeStatus(command.Status, now), token);
            return transfer;
        }, ct);
    }

    public Task<StockTransfer> ChangeStatusAsync(long id, StockTransferStatus status, CancellationToken ct) =>
        db.InTransactionAsync(async token =>
        {
            var transfer = await LoadForChangeAsync(id, token);
            await ledger.ApplyAsync(transfer.ChangeStatus(status, clock.GetUtcNow().UtcDateTime), token);
            return transfer;
        }, ct);

    public Task<StockTransfer> UpdateAsync(long id, string? number, DateTime? transferDate, DateTime? expectedArrivalDate, string? additionalInfo,
        CancellationToken ct) => db.InTransactionAsync(async token =>
        {
            var transfer = await LoadForChangeAsync(id, token);
            transfer.Change(number, transferDate, expectedArrivalDate, additionalInfo, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(token);
            return transfer;
        }, ct);

    /// <summary>Deleting a transfer puts its goods back where they were: it returns to draft, then goes.</summary>
    public Task DeleteAsync(long id, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var transfer = await LoadForChangeAsync(id, token);
        await ledger.ApplyAsync(transfer.ChangeStatus(StockTransferStatus.Draft, clock.GetUtcNow().UtcDateTime), token);
        db.StockTransfers.Remove(transfer);
        await db.SaveChangesAsync(token);
        return true;
    }, ct);

    private async Task<StockTransfer> LoadForChangeAsync(long id, CancellationToken ct)
    {
        await db.LockAsync<StockTransfer>(id, ct);
        return await db.StockTransfers.Include(t => t.Rows).FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("Stock transfer", id);
    }
}
