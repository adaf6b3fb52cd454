using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Channels.Jobs;

/// <summary>A store's import jobs, any channel: queueing one (one of a kind at a time) and reading them back.</summary>
public sealed class ImportJobs(ShopFloorDbContext db, TimeProvider clock)
{
    public IQueryable<ImportJob> Of(ChannelStore store) =>
        db.Set<ImportJob>().Where(j => j.Channel == store.Channel && j.StoreId == store.Id);

    public async Task<ImportJob> FindAsync(ChannelStore store, long jobId, CancellationToken ct) =>
        await Of(store).AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct) ?? throw new NotFoundException("Import", jobId);

    public Task<List<ImportJob>> LatestAsync(ChannelStore store, int count, CancellationToken ct) =>
        Of(store).AsNoTracking().OrderByDescending(j => j.Id).Take(count).ToListAsync(ct);

    public Task<bool> RunningAsync(ChannelStore store, ImportType type, CancellationToken ct) =>
        Of(store).AnyAsync(j => j.Type == type && (j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running), ct);

    public Task<bool> SucceededAsync(ChannelStore store, ImportType type, CancellationToken ct) =>
        Of(store).AnyAsync(j => j.Type == type && j.Status == ImportStatus.Succeeded, ct);

    /// <summary>Queues a job; the channel has checked its own rules first. <paramref name="storeName"/> is what the refusal calls the store.</summary>
    public async Task<ImportJob> EnqueueAsync(ChannelStore store, string storeName, ImportType type, CancellationToken ct)
    {
        var what = ImportJob.Describe(type).ToLowerInvariant();
        var running = $"{("aeiou".Contains(what[0], StringComparison.Ordinal) ? "An" : "A")} {what} of {storeName} is already running; wait for it to finish.";
        if (await RunningAsync(store, type, ct))
            throw new DomainException(running);
        var job = new ImportJob(store, type, clock.GetUtcNow().UtcDateTime);
        db.Add(job);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two requests raced; the unique index let one product import through.
            throw new DomainException(running);
        }
        return job;
    }
}
