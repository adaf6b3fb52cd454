using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShopFloor.Core.Data;
using ShopFloor.Core.Outbox;

namespace ShopFloor.Core.Channels.Inbox;

public sealed record ReceivedWebhook(string Channel, string WebhookId, string StoreKey, string Topic, string Body);

/// <summary>
/// R-SYNC-6: the one thing done before a store gets its 200 — the signed delivery is written to the inbox, once
/// however often it is repeated. Deliveries arriving together are written together (one transaction, one commit
/// for many), and each request is answered when its own row is committed. Processing happens in
/// <see cref="InboxWorker"/>, by the adapter of the channel that sent it.
/// </summary>
public sealed class WebhookIntake(IServiceScopeFactory scopes, WorkSignals signals, TimeProvider clock) : BackgroundService
{
    private const int MaxBatch = 200;
    private readonly Channel<(ReceivedWebhook Webhook, TaskCompletionSource Stored)> _queue =
        Channel.CreateUnbounded<(ReceivedWebhook, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    public Task RecordAsync(ReceivedWebhook webhook, CancellationToken ct)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((webhook, stored)))
            throw new InvalidOperationException("ShopFloor is stopping; the webhook was not recorded.");
        return stored.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(ReceivedWebhook Webhook, TaskCompletionSource Stored)>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                    batch.Add(item);
                try
                {
                    await WriteAsync(batch.Select(b => b.Webhook).ToList(), stoppingToken);
                    batch.ForEach(b => b.Stored.TrySetResult());
                    signals.Raise(InboxWorker.Work);
                }
                catch (Exception e)
                {
                    // The store gets an error and sends the delivery again later (Shopify does; WooCommerce counts a failure).
                    batch.ForEach(b => b.Stored.TrySetException(e));
                }
                batch.Clear();
            }
        }
        finally
        {
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var left))
                left.Stored.TrySetCanceled(stoppingToken);
        }
    }

    private async Task WriteAsync(List<ReceivedWebhook> webhooks, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var sql = new StringBuilder("INSERT INTO webhook_inbox (channel, webhook_id, store_key, topic, body, received_at, status, attempts, next_attempt_at) VALUES ");
        var parameters = new List<object>(webhooks.Count * 5 + 1) { now };
        foreach (var webhook in webhooks.DistinctBy(w => (w.Channel, w.WebhookId)))
        {
            var at = parameters.Count;
            sql.Append(at == 1 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{at}}}, {{{at + 1}}}, {{{at + 2}}}, {{{at + 3}}}, {{{at + 4}}}, {{0}}, '{nameof(DeliveryStatus.Pending)}', 0, {{0}})");
            parameters.AddRange([webhook.Channel, webhook.WebhookId, webhook.StoreKey, webhook.Topic, webhook.Body]);
        }
        sql.Append(" ON CONFLICT (channel, webhook_id) DO NOTHING");
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
    }

    /// <summary>base64(HMAC-SHA256(secret, raw body)), compared in constant time.</summary>
    public static bool IsSigned(string secret, byte[] body, string given)
    {
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
    }
}
