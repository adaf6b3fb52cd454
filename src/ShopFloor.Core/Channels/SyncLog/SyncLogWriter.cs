using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Channels.SyncLog;

/// <summary>
/// Writes lines to a store's sync log at once, in the caller's transaction when there is one, without the change
/// tracker: a line never waits for a later save that a use case's fresh start (which clears the tracker) would lose.
/// </summary>
public sealed class SyncLogWriter(ShopFloorDbContext db, TimeProvider clock)
{
    // The message column's length: a longer message is cut rather than refused.
    private const int MessageLength = 400;

    public Task InAsync(ChannelStore store, string subject, SyncOutcome outcome, string message, string? reference = null, CancellationToken ct = default) =>
        WriteAsync(store, SyncDirection.In, subject, outcome, message, reference, ct);

    public Task OutAsync(ChannelStore store, string subject, SyncOutcome outcome, string message, string? reference = null, CancellationToken ct = default) =>
        WriteAsync(store, SyncDirection.Out, subject, outcome, message, reference, ct);

    /// <summary>Writes a line on its own, outside whatever failed (the failed work's changes are dropped first).</summary>
    public Task SaveAsync(ChannelStore store, SyncDirection direction, string subject, SyncOutcome outcome, string message, string? reference, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return WriteAsync(store, direction, subject, outcome, message, reference, ct);
    }

    private async Task WriteAsync(ChannelStore store, SyncDirection direction, string subject, SyncOutcome outcome, string message, string? reference, CancellationToken ct)
    {
        var text = message.Length > MessageLength ? message[..(MessageLength - 1)] + "…" : message;
        var cited = reference is { Length: > MessageLength } ? reference[..MessageLength] : reference;
        var at = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO sync_log (channel, store_id, at, direction, subject, outcome, message, reference) VALUES ({store.Channel}, {store.Id}, {at}, {direction.ToString()}, {subject}, {outcome.ToString()}, {text}, {cited})",
            ct);
    }
}
