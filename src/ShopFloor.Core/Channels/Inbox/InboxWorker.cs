using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Data;
using ShopFloor.Core.Outbox;

namespace ShopFloor.Core.Channels.Inbox;

/// <summary>
/// Processes the inbox in arrival order, each delivery by the adapter of its channel. A claimed delivery is leased (its next attempt moves past the lease), so
/// a stopped instance's work is taken up again; failures are retried with growing delays, then parked and logged.
/// Deliveries of one batch about the same order (a Shopify shipment sends fulfillments/create, orders/updated and
/// orders/fulfilled together) share one read of the order.
/// </summary>
public sealed class InboxWorker(IServiceScopeFactory scopes, WorkSignals signals, IOptions<SyncOptions> options, TimeProvider clock, ILogger<InboxWorker> logger)
    : BackgroundService
{
    /// <summary>The <see cref="WorkSignals"/> kind the intake raises when it has stored deliveries.</summary>
    public const string Work = "webhook_inbox";

    private const int BatchSize = 25;

    // Covers a batch even when a store is slow to answer; a crashed instance's deliveries wait this long.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastPurge = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                var claimed = await ClaimAsync(stoppingToken);
                var outcomes = new List<Outcome>();
                var read = new Dictionary<string, Outcome>();
                try
                {
                    foreach (var delivery in claimed)
                        outcomes.Add(await ProcessAsync(delivery, read, stoppingToken));
                }
                finally
                {
                    // One write for the whole batch: on SQLite every transaction competes with the webhook endpoint's.
                    if (outcomes.Count > 0)
                        await FinishAsync(outcomes);
                    // Stopping: what this instance claimed but did not process is free again at once, not when the lease ends.
                    var untouched = claimed.Select(d => d.Id).Except(outcomes.Select(o => o.Delivery.Id)).ToList();
                    if (untouched.Count > 0)
                        await ReleaseAsync(untouched);
                }
                worked = outcomes.Count > 0;
                if (clock.GetUtcNow().UtcDateTime - lastPurge > TimeSpan.FromHours(1))
                    lastPurge = await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The webhook worker failed to read the inbox");
            }
            if (!worked)
                await signals.WaitAsync(Work, options.Value.PollInterval, clock, stoppingToken);
        }
    }

    private async Task<List<InboxDelivery>> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>();
        return await db.InTransactionAsync(async token =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var claim = "SELECT * FROM webhook_inbox WHERE status = '" + nameof(DeliveryStatus.Pending) + "' AND next_attempt_at <= {0} ORDER BY id LIMIT " + BatchSize + db.SkipLocked();
            var due = await db.Set<InboxDelivery>().FromSqlRaw(claim, now).AsTracking().ToListAsync(token);
            foreach (var delivery in due)
                delivery.Claim(now + Lease);
            await db.SaveChangesAsync(token);
            return due;
        }, ct);
    }

    private sealed record Outcome(InboxDelivery Delivery, DeliveryResult? Result, string? Error, bool NeedsAction);

    private async Task<Outcome> ProcessAsync(InboxDelivery delivery, Dictionary<string, Outcome> read, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var channel = ChannelOf(scope.ServiceProvider, delivery);
        var resource = channel?.ResourceOf(delivery);
        // The resource was read after this delivery was stored, so that read covers it.
        if (resource is not null && read.TryGetValue($"{delivery.Channel} {resource}", out var earlier) && earlier.Result is { } result)
            return new(delivery, result with { Outcome = $"read once with webhook {earlier.Delivery.WebhookId}: {result.Outcome}" }, null, false);
        try
        {
            var outcome = new Outcome(delivery, channel is null
                ? new DeliveryResult(DeliveryStatus.Skipped, $"no adapter of the channel {delivery.Channel} runs here")
                : await channel.HandleAsync(delivery, ct), null, false);
            if (resource is not null)
                read[$"{delivery.Channel} {resource}"] = outcome;
            return outcome;
        }
        catch (SyncNeedsActionException e)
        {
            return new(delivery, null, e.Message, true);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Webhook {Topic} {WebhookId} failed (attempt {Attempt})", delivery.Topic, delivery.WebhookId, delivery.Attempts);
            var error = e is ChannelException or HttpRequestException or TimeoutException or DbUpdateException or OperationCanceledException ? e.Message : e.ToString();
            return new(delivery, null, error, false);
        }
    }

    /// <summary>Records how each delivery ended: done or skipped, retried later, or given up and logged for the store.</summary>
    private async Task FinishAsync(List<Outcome> outcomes)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>();
        var ids = outcomes.Select(o => o.Delivery.Id).ToList();
        var stored = await db.Set<InboxDelivery>().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, CancellationToken.None);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (delivery, result, error, needsAction) in outcomes)
        {
            var row = stored[delivery.Id];
            if (result is not null)
                row.Finish(result.Status, result.Outcome, now);
            else if (needsAction)
                row.Finish(DeliveryStatus.Failed, error, now);
            else
                row.Retry(error!, options.Value.MaxAttempts, options.Value.FirstRetry, now);
            if (row.Status == DeliveryStatus.Failed && ChannelOf(scope.ServiceProvider, delivery) is { } channel)
                await channel.GivenUpAsync(delivery, needsAction ? error! : $"{delivery.Topic} failed {row.Attempts} times and was given up: {Short(error)}",
                    needsAction, CancellationToken.None);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task ReleaseAsync(List<long> ids)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var delivery in await db.Set<InboxDelivery>().Where(d => ids.Contains(d.Id)).ToListAsync(CancellationToken.None))
            delivery.Release(now);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task<DateTime> PurgeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now - options.Value.KeepProcessed;
        await db.Set<InboxDelivery>().Where(d => d.Status != DeliveryStatus.Pending && d.ProcessedAt < before).ExecuteDeleteAsync(ct);
        return now;
    }

    private static IInboxChannel? ChannelOf(IServiceProvider services, InboxDelivery delivery) =>
        services.GetServices<IInboxChannel>().FirstOrDefault(c => c.Channel == delivery.Channel);

    private static string Short(string? error) => error is { Length: > 500 } ? error[..500] + "…" : error ?? "";
}
