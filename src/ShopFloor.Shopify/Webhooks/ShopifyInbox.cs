using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Inbox;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Connection;

namespace ShopFloor.Shopify.Webhooks;

/// <summary>Shopify's deliveries in the inbox: routed by topic, and a given-up one said in its store's sync log.</summary>
public sealed class ShopifyInbox(ShopFloorDbContext db, WebhookRouter router, SyncLogWriter log) : IInboxChannel
{
    public string Channel => ShopifyChannel.Name;

    public string? ResourceOf(InboxDelivery delivery) => WebhookRouter.OrderOf(delivery);

    public Task<DeliveryResult> HandleAsync(InboxDelivery delivery, CancellationToken ct) => router.HandleAsync(delivery, ct);

    public async Task GivenUpAsync(InboxDelivery delivery, string message, bool needsAction, CancellationToken ct)
    {
        if (await db.Set<ShopifyStore>().Where(s => s.ShopDomain == delivery.StoreKey).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct) is { } storeId)
            await log.InAsync(ShopifyChannel.Store(storeId), SyncSubject.Webhook, needsAction ? SyncOutcome.NeedsAction : SyncOutcome.Failed, message, delivery.WebhookId, ct: ct);
    }
}
