using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Channels.Jobs;

/// <summary>
/// Runs queued imports of every channel from the database. Several instances on one PostgreSQL share the queue (a job is claimed
/// with FOR UPDATE SKIP LOCKED); a job whose lease ran out is queued again to resume, or failed for good.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, IOptions<ImportWorkerOptions> options, TimeProvider clock, ILogger<ImportWorker> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentJobs);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReapAbandonedAsync(stoppingToken);
                while (_slots.CurrentCount > 0 && await ClaimAsync(stoppingToken) is { } jobId)
                {
                    await _slots.WaitAsync(stoppingToken);
                    _ = Task.Run(() => RunAsync(jobId, stoppingToken), stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The import worker failed to poll the queue");
            }
            await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
        }
    }

    private async Task<long?> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>();
        return await db.InTransactionAsync(async token =>
        {
            var claim = db.Database.IsNpgsql()
                ? "SELECT * FROM import_jobs WHERE status = 'Queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED"
                : "SELECT * FROM import_jobs WHERE status = 'Queued' ORDER BY id LIMIT 1";
            var job = await db.Set<ImportJob>().FromSqlRaw(claim).AsTracking().FirstOrDefaultAsync(token);
            if (job is null)
                return (long?)null;
            var now = clock.GetUtcNow().UtcDateTime;
            job.Start(now + options.Value.Lease, now);
            await db.SaveChangesAsync(token);
            return job.Id;
        }, ct);
    }

    private async Task RunAsync(long jobId, CancellationToken ct)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var heartbeat = KeepLeaseAsync(jobId, running.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>();
            var job = await db.Set<ImportJob>().FirstAsync(j => j.Id == jobId, ct);
            var importer = scope.ServiceProvider.GetServices<IImporter>().Single(i => i.Channel == job.Channel && i.Type == job.Type);
            // Use cases the importer calls start their transactions with a clear change tracker, so the job may
            // come back detached: attach it again before saving its progress.
            async Task SaveAsync()
            {
                if (db.Entry(job).State == EntityState.Detached)
                    db.Update(job);
                await db.SaveChangesAsync(CancellationToken.None);
            }
            try
            {
                await importer.RunAsync(job, async () =>
                {
                    job.Renew(clock.GetUtcNow().UtcDateTime + options.Value.Lease);
                    await SaveAsync();
                }, ct);
                job.Succeed(clock.GetUtcNow().UtcDateTime);
                await SaveAsync();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Import {Job} ({Type}) failed", job.Id, job.Type);
                db.ChangeTracker.Clear();
                job = await db.Set<ImportJob>().FirstAsync(j => j.Id == jobId, CancellationToken.None);
                job.Fail(e.Message, clock.GetUtcNow().UtcDateTime);
                await LogFailureAsync(scope.ServiceProvider.GetRequiredService<SyncLogWriter>(), job, CancellationToken.None);
            }
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            // Stopping: the lease runs out and the next worker resumes the job.
        }
        finally
        {
            await running.CancelAsync();
            await heartbeat;
            _slots.Release();
        }
    }

    /// <summary>
    /// Renews the lease while the job runs, however long one page of it takes: only a worker that stopped lets its
    /// lease run out, so a slow page never looks abandoned and never gets a second runner.
    /// </summary>
    private async Task KeepLeaseAsync(long jobId, CancellationToken ct)
    {
        var lease = options.Value.Lease;
        try
        {
            while (true)
            {
                await Task.Delay(lease / 3, clock, ct);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>();
                var until = clock.GetUtcNow().UtcDateTime + lease;
                await db.Set<ImportJob>().Where(j => j.Id == jobId && j.Status == ImportStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeasedUntil, until), ct);
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended (or the worker is stopping, and then the lease is meant to run out).
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not renew the lease of import {Job}", jobId);
        }
    }

    /// <summary>A failed job is a line the merchant sees in the sync log, not only a status in the job list.</summary>
    private static Task LogFailureAsync(SyncLogWriter log, ImportJob job, CancellationToken ct) =>
        log.InAsync(job.Store, job.Type == ImportType.Reconcile ? SyncSubject.Reconcile : SyncSubject.Import, SyncOutcome.Failed,
            $"{ImportJob.Describe(job.Type)} failed: {job.Failure}", job.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);

    private async Task ReapAbandonedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var abandoned = await db.Set<ImportJob>().Where(j => j.Status == ImportStatus.Running && j.LeasedUntil < now).ToListAsync(ct);
        foreach (var job in abandoned)
        {
            logger.LogWarning("Import {Job} ({Type}) lost its worker; attempt {Attempt} of {Max}", job.Id, job.Type, job.Attempts, ImportJob.MaxAttempts);
            job.Abandoned(now);
            if (job.Status == ImportStatus.Failed)
                await LogFailureAsync(scope.ServiceProvider.GetRequiredService<SyncLogWriter>(), job, ct);
        }
        if (abandoned.Count > 0)
            await db.SaveChangesAsync(ct);
    }
}
