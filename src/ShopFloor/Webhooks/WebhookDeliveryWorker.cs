using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Data;
using ShopFloor.Core.Webhooks;

namespace ShopFloor.Webhooks;

/// <summary>
/// Posts the deliveries that are due (the outbox of Katana-style webhooks). On PostgreSQL the claimed rows stay locked
/// (FOR UPDATE SKIP LOCKED) while they are posted, so several instances share the work and none posts an event twice.
/// </summary>
public sealed class WebhookDeliveryWorker(
    IServiceScopeFactory scopes, IOptions<WebhookDeliveryOptions> options, IServer server, TimeProvider clock, ILogger<WebhookDeliveryWorker> logger)
    : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastPurge = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var posted = 0;
            try
            {
                posted = await RunOnceAsync(stoppingToken);
                if (clock.GetUtcNow().UtcDateTime - lastPurge > TimeSpan.FromHours(1))
                    lastPurge = await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Posting webhook deliveries failed; trying again shortly");
            }
            if (posted < BatchSize)
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
        }
    }

    /// <summary>Claims the due deliveries, posts them side by side and records each outcome; returns how many were posted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<WebhookSender>();
        // A transient database failure runs the round again; a subscriber may then get an event twice, which
        // webhooks allow (deliveries are at least once, as Katana's).
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(token) : null;
            var claim = "SELECT * FROM webhook_deliveries WHERE next_attempt_at <= {0} ORDER BY id LIMIT " + BatchSize + db.SkipLocked();
            var due = await db.Set<WebhookDelivery>().FromSqlRaw(claim, now).ToListAsync(token);
            if (due.Count == 0)
                return 0;
            var hookIds = due.Select(d => d.WebhookId).Distinct().ToList();
            var hooks = await db.Set<Webhook>().AsNoTracking().Where(w => hookIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, token);
            var publicUrl = PublicUrl();
            var results = await Task.WhenAll(due.Select(d => sender.SendAsync(hooks[d.WebhookId], d, publicUrl, token)));
            Record(due, results);
            await db.SaveChangesAsync(CancellationToken.None);
            if (transaction is not null)
                await transaction.CommitAsync(CancellationToken.None);
            return due.Count;
        }, ct);
    }

    private void Record(IReadOnlyList<WebhookDelivery> deliveries, IReadOnlyList<SendResult> results)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        var retries = options.Value.Retries;
        foreach (var (delivery, result) in deliveries.Zip(results))
        {
            if (result.Succeeded)
            {
                delivery.Succeeded(result.StatusCode!.Value, at);
                continue;
            }
            delivery.Failed(result.StatusCode, result.Error!, delivery.Attempts < retries.Count ? at + retries[delivery.Attempts] : null);
            logger.LogInformation("Webhook {WebhookId} {Action} for {ResourceId} failed (attempt {Attempt}): {Error}",
                delivery.WebhookId, delivery.Action, delivery.ResourceId, delivery.Attempts, result.Error);
        }
    }

    private Uri PublicUrl()
    {
        var address = options.Value.PublicUrl is { Length: > 0 } configured
            ? configured
            : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        return new Uri(address.Replace("://+", "://localhost").Replace("://*", "://localhost").TrimEnd('/') + "/");
    }

    private async Task<DateTime> PurgeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var before = now - options.Value.KeepLogs;
        await db.Set<WebhookDelivery>().Where(d => d.NextAttemptAt == null && d.CreatedAt < before).ExecuteDeleteAsync(ct);
        return now;
    }
}
