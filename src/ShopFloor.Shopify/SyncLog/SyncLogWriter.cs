using ShopFloor.Core.Data;

namespace ShopFloor.Shopify.SyncLog;

/// <summary>Adds lines to a store's sync log; they are saved with the caller's next save.</summary>
public sealed class SyncLogWriter(ShopFloorDbContext db, TimeProvider clock)
{
    public void In(long storeId, string subject, SyncOutcome outcome, string message, string? reference = null) =>
        db.Add(new SyncLogEntry(storeId, SyncDirection.In, subject, outcome, message, reference, clock.GetUtcNow().UtcDateTime));

    public void Out(long storeId, string subject, SyncOutcome outcome, string message, string? reference = null) =>
        db.Add(new SyncLogEntry(storeId, SyncDirection.Out, subject, outcome, message, reference, clock.GetUtcNow().UtcDateTime));

    /// <summary>Writes a line on its own, outside whatever failed.</summary>
    public async Task SaveAsync(long storeId, SyncDirection direction, string subject, SyncOutcome outcome, string message, string? reference, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.Add(new SyncLogEntry(storeId, direction, subject, outcome, message, reference, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
    }
}
