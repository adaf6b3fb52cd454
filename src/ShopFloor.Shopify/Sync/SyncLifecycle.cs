using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Jobs;
using ShopFloor.Shopify.Webhooks;

namespace ShopFloor.Shopify.Sync;

/// <summary>
/// R-CON-4: starting and stopping the live sync. Activate subscribes to the webhooks, then queues the order
/// backfill and a reconciliation, so Shopify shows ShopFloor's stock from the start; Pause and Disconnect remove
/// the subscriptions.
/// </summary>
public sealed class SyncLifecycle(
    ShopFloorDbContext db, StoreConfiguration configuration, StoreConnections connections, WebhookSubscriptions webhooks, ImportQueue imports)
{
    public async Task<ShopifyStore> ActivateAsync(ShopifyStore store, CancellationToken ct)
    {
        if (await configuration.StateAsync(store, ct) != StoreState.SyncInactive)
            return await configuration.ActivateAsync(store, ct); // refuses with the reason
        await webhooks.SubscribeAsync(store, ct);
        await configuration.ActivateAsync(store, ct);
        // The catch-up starts where the last look ended, so orders placed while sync was paused are imported too.
        await db.SaveChangesAsync(ct);
        await QueueAsync(store, ImportType.Orders, ct);
        await QueueAsync(store, ImportType.Reconcile, ct);
        return store;
    }

    public async Task<ShopifyStore> PauseAsync(ShopifyStore store, CancellationToken ct)
    {
        if (!store.SyncActive)
            throw new DomainException("Sync is not active.");
        await webhooks.UnsubscribeAsync(store, ct);
        return await configuration.PauseAsync(store, ct);
    }

    public async Task<ShopifyStore> DisconnectAsync(long storeId, CancellationToken ct)
    {
        await webhooks.UnsubscribeAsync(await connections.FindAsync(storeId, ct), ct);
        return await connections.DisconnectAsync(storeId, ct);
    }

    private async Task QueueAsync(ShopifyStore store, ImportType type, CancellationToken ct)
    {
        try
        {
            await imports.StartAsync(store, type, ct);
        }
        catch (DomainException)
        {
            // One is queued or running already; it covers this.
        }
    }
}
