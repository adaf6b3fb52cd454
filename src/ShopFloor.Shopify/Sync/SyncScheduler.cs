using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Jobs;

namespace ShopFloor.Shopify.Sync;

/// <summary>
/// Queues the periodic jobs of every active store: the order catch-up and the nightly reconciliation. The jobs
/// themselves run in the import queue, so with several instances each runs once.
/// </summary>
public sealed class SyncScheduler(IServiceScopeFactory scopes, IOptions<SyncOptions> options, TimeProvider clock, ILogger<SyncScheduler> logger)
    : BackgroundService
{
    private static readonly TimeSpan KeepLog = TimeSpan.FromDays(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tick = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, Math.Min(options.Value.CatchUpInterval.Ticks, TimeSpan.FromMinutes(1).Ticks) / 2));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await QueueDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Could not queue the periodic sync jobs");
            }
            await Task.Delay(tick, clock, stoppingToken);
        }
    }

    private async Task QueueDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>();
        var queue = scope.ServiceProvider.GetRequiredService<ImportQueue>();
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        foreach (var store in await db.Set<ShopifyStore>().Where(s => s.SyncActive && s.EncryptedAccessToken != null).ToListAsync(ct))
        {
            var last = await db.Set<ImportJob>().Where(j => j.Channel == ShopifyChannel.Name && j.StoreId == store.Id)
                .GroupBy(j => j.Type).Select(g => new { Type = g.Key, Latest = g.Max(j => j.CreatedAt) }).ToDictionaryAsync(x => x.Type, x => x.Latest, ct);
            if (now - last.GetValueOrDefault(ImportType.Orders, DateTime.MinValue) >= settings.CatchUpInterval)
                await TryQueueAsync(queue, store, ImportType.Orders, ct);
            if (now - last.GetValueOrDefault(ImportType.Reconcile, DateTime.MinValue) >= settings.ReconcileInterval)
                await TryQueueAsync(queue, store, ImportType.Reconcile, ct);
        }
        await db.Set<SyncLogEntry>().Where(e => e.At < now - KeepLog).ExecuteDeleteAsync(ct);
    }

    private static async Task TryQueueAsync(ImportQueue queue, ShopifyStore store, ImportType type, CancellationToken ct)
    {
        try
        {
            await queue.StartAsync(store, type, ct);
        }
        catch (DomainException)
        {
            // Already queued or running.
        }
    }
}
