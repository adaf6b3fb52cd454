using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Data;
using ShopFloor.Core.Outbox;

namespace ShopFloor.Core.Channels;

/// <summary>
/// Consumes one outbox topic (R-SYNC-6). Events are marked processed only when the handler says the outside world
/// has them; otherwise they stay and are retried after a growing pause. On PostgreSQL the claimed events stay
/// locked (FOR UPDATE SKIP LOCKED) while they are handled, so other instances take other events, and a crashed
/// instance's events are free again the moment its connection drops.
/// </summary>
public abstract class OutboxWorker(IServiceScopeFactory scopes, WorkSignals signals, IOptions<SyncOptions> options, TimeProvider clock, ILogger logger)
    : BackgroundService
{
    // Short, because one unreachable store holds back the events of the others until it answers.
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    protected abstract string Topic { get; }

    protected virtual int BatchSize => 1_000;

    /// <summary>
    /// The least time between two rounds. The first event after a quiet spell goes out at once; the events of a burst
    /// then wait for the next round and go out together, so a burst costs one round per interval it spans.
    /// </summary>
    protected virtual TimeSpan RoundInterval => TimeSpan.Zero;

    private DateTime _lastRound = DateTime.MinValue;

    protected SyncOptions Options => options.Value;

    /// <summary>Handles the events; true when all of them are done and may be marked processed.</summary>
    protected abstract Task<bool> HandleAsync(IServiceProvider services, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var lastPurge = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var result = await RunOnceAsync(stoppingToken);
                failures = result is RunResult.Failed ? failures + 1 : 0;
                wait = result switch
                {
                    RunResult.Idle => options.Value.PollInterval,
                    RunResult.Settling settling => settling.Remaining,
                    RunResult.Failed => Backoff(failures),
                    _ => TimeSpan.Zero,
                };
                if (clock.GetUtcNow().UtcDateTime - lastPurge > TimeSpan.FromHours(1))
                    lastPurge = await PurgeAsync(stoppingToken);
                if (result is RunResult.Idle)
                {
                    await signals.WaitAsync(Topic, wait, clock, stoppingToken);
                    continue;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "The {Topic} outbox worker failed", Topic);
                wait = Backoff(++failures);
            }
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, clock, stoppingToken);
        }
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, options.Value.PollInterval.Ticks * (1L << Math.Min(failures, 10))));

    /// <summary>One round: claim (unless the last round was too recent), handle, mark.</summary>
    public async Task<RunResult> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var oldest = await db.OutboxMessages.Where(m => m.Topic == Topic && m.ProcessedAt == null).MinAsync(m => (DateTime?)m.CreatedAt, ct);
        if (oldest is null)
            return new RunResult.Idle();
        if (now - _lastRound < RoundInterval)
            return new RunResult.Settling(RoundInterval - (now - _lastRound));
        _lastRound = now;

        // A transient database failure runs the round again from the start; handlers only send values, so that is safe.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(token) : null;
            var claim = "SELECT * FROM outbox_messages WHERE topic = {0} AND processed_at IS NULL AND created_at <= {1} ORDER BY id LIMIT " + BatchSize + db.SkipLocked();
            var messages = await db.OutboxMessages.FromSqlRaw(claim, Topic, now).AsNoTracking().ToListAsync(token);
            if (messages.Count == 0)
                return (RunResult)new RunResult.Idle();
            bool done;
            string? error = null;
            try
            {
                done = await HandleAsync(scope.ServiceProvider, messages, token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
            {
                logger.LogWarning(e, "{Count} {Topic} events failed; they will be retried", messages.Count, Topic);
                (done, error) = (false, e.Message);
            }
            db.ChangeTracker.Clear();
            var ids = messages.Select(m => m.Id).ToList();
            var at = clock.GetUtcNow().UtcDateTime;
            if (done)
                await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, at), CancellationToken.None);
            else
                await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, error ?? "not accepted yet"), CancellationToken.None);
            if (transaction is not null)
                await transaction.CommitAsync(CancellationToken.None);
            return done ? new RunResult.Handled(messages.Count) : new RunResult.Failed();
        }, ct);
    }

    private async Task<DateTime> PurgeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now - options.Value.KeepProcessed;
        await db.OutboxMessages.Where(m => m.Topic == Topic && m.ProcessedAt < before).ExecuteDeleteAsync(ct);
        return now;
    }

    public abstract record RunResult
    {
        public sealed record Idle : RunResult;
        public sealed record Settling(TimeSpan Remaining) : RunResult;
        public sealed record Handled(int Count) : RunResult;
        public sealed record Failed : RunResult;
    }
}
