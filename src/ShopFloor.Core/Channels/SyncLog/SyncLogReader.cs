using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Channels.SyncLog;

/// <summary>A store's sync log, newest first, for its page and the API.</summary>
public sealed class SyncLogReader(ShopFloorDbContext db)
{
    public IQueryable<SyncLogEntry> Of(ChannelStore store, bool needsActionOnly = false, string? subject = null) =>
        db.Set<SyncLogEntry>().AsNoTracking()
            .Where(e => e.Channel == store.Channel && e.StoreId == store.Id)
            .Where(e => !needsActionOnly || e.Outcome == SyncOutcome.NeedsAction)
            .Where(e => subject == null || e.Subject == subject)
            .OrderByDescending(e => e.Id);

    public Task<List<SyncLogEntry>> LatestAsync(ChannelStore store, bool needsActionOnly, CancellationToken ct) =>
        Of(store, needsActionOnly).Take(100).ToListAsync(ct);
}
