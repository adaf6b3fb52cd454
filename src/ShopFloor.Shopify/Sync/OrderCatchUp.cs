using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Jobs;
using ShopFloor.Shopify.Orders;
using ShopFloor.Shopify.Webhooks;

namespace ShopFloor.Shopify.Sync;

/// <summary>
/// Webhooks can be missed, so orders updated since the store was last looked at are listed (1 point per order)
/// and the ones newer than what ShopFloor applied are refreshed. On activation the same job backfills: orders
/// updated since the last look, or since the import window opened (14 days before the first activation).
/// Each run also re-makes webhook subscriptions that went missing and reads the store's locations again, so a
/// change Shopify never told ShopFloor about is noticed within one catch-up interval.
/// </summary>
public sealed class OrderCatchUp(
    ShopFloorDbContext db, ShopifyAdminClient shopify, TokenVault tokens, OrderSync orders, Returns.ReturnSync returns, WebhookSubscriptions webhooks,
    LocationSync locations, SyncLogWriter log, TimeProvider clock) : IImporter
{
    /// <summary>Shopify's search index lags a little behind its writes.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(2);

    public string Channel => ShopifyChannel.Name;


    public ImportType Type => ImportType.Orders;

    public async Task RunAsync(ImportJob job, Func<Task> saveProgress, CancellationToken ct)
    {
        var store = await db.Set<ShopifyStore>().AsNoTracking().FirstAsync(s => s.Id == job.StoreId, ct);
        if (!store.SyncActive)
            return;
        if (await webhooks.SubscribeAsync(store, ct) is { Count: > 0 } remade)
            await log.SaveAsync(ShopifyChannel.Store(store.Id), SyncDirection.In, SyncSubject.Webhooks, SyncOutcome.Ok,
                $"Webhook subscriptions missing in Shopify were made again: {string.Join(", ", remade)}", null, ct);
        await locations.RefreshAsync(store.Id, ct);
        if (!await db.Set<ShopifyStore>().AnyAsync(s => s.Id == store.Id && s.SyncActive, ct))
            return; // a location nobody has mapped paused the sync
        var startedAt = clock.GetUtcNow().UtcDateTime;
        var since = (store.OrdersCheckedUntil ?? ShopifyImportRules.ImportsSince(store) ?? startedAt) - Overlap;
        var query = $"updated_at:>='{since:yyyy-MM-ddTHH:mm:ssZ}'";
        await foreach (var (nodes, cursor) in shopify.ReadAsync(tokens.CredentialsOf(store), Operations.OrdersUpdatedSince, "orders",
            new Dictionary<string, object?> { ["query"] = query }, job.Cursor, ct))
        {
            foreach (var node in nodes.Select(ShopifyJson.Read<UpdatedOrderNode>))
            {
                var id = node.Id;
                var updatedAt = node.UpdatedAt.ToUniversalTime();
                var known = await orders.KnownAsync(store.Id, id, ct);
                if (known is not null && updatedAt < known.AppliedVersion)
                {
                    job.Count("up_to_date");
                    continue;
                }
                var result = await orders.RefreshAsync(store, id, null, ct);
                job.Count(result.Applied ? (known is null ? "imported" : "updated") : "skipped");
                if (store.Settings.CreateReturns)
                    await ReturnsAsync(store, id, ct);
            }
            job.Done += nodes.Count;
            job.Cursor = cursor;
            await saveProgress();
        }
        db.ChangeTracker.Clear();
        var tracked = await db.Set<ShopifyStore>().FirstAsync(s => s.Id == store.Id, ct);
        tracked.OrdersCheckedUntil = startedAt;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A return's webhooks can be missed too: an order that changed has its approved or closed returns applied.</summary>
    private async Task ReturnsAsync(ShopifyStore store, string orderId, CancellationToken ct)
    {
        var order = (await shopify.SendAsync(tokens.CredentialsOf(store), Operations.OrderReturns, new { id = orderId }, ct)).GetProperty("order");
        if (order.ValueKind != System.Text.Json.JsonValueKind.Object)
            return;
        var pending = ShopifyJson.Read<OrderReturnsNode>(order).Returns.Nodes.Where(r => r.Status is "OPEN" or "CLOSED").Select(r => r.Id).ToList();
        var done = await db.Set<Core.Returns.SalesReturn>().Where(r => pending.Contains(r.StoreReturnId!) && r.Status == Core.Returns.SalesReturnStatus.Returned)
            .Select(r => r.StoreReturnId!).ToListAsync(ct);
        foreach (var returnId in pending.Except(done))
            await returns.ApplyAsync(store, returnId, ct);
    }
}

/// <summary>An order as the catch-up lists it: which one, and when it last changed.</summary>
public sealed record UpdatedOrderNode(string Id, DateTime UpdatedAt);

public sealed record OrderReturnsNode(Connection<StatusNode> Returns);
