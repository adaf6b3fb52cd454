using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Common;
using ShopFloor.Shopify.Connection;

namespace ShopFloor.Shopify.Jobs;

/// <summary>R-IMP-1, R-IMP-4: starting an import of a Shopify store, with the rules of when each kind may start.</summary>
public sealed class ImportQueue(ImportJobs jobs, StoreConfiguration configuration)
{
    public async Task<ImportJob> StartAsync(ShopifyStore store, ImportType type, CancellationToken ct)
    {
        if (!store.IsAuthorized)
            throw new DomainException("The store is not connected.");
        var of = ShopifyChannel.Store(store.Id);
        if (type == ImportType.InitialStock)
        {
            if (store.SyncActive)
                throw new DomainException("Initial stock can only be imported while sync is not active; pause sync first.");
            if (!await jobs.SucceededAsync(of, ImportType.Products, ct))
                throw new DomainException("Import products first: initial stock is matched through the SKU mapping they create.");
            if (!await configuration.EveryLocationMappedAsync(store.Id, ct))
                throw new DomainException("Map every Shopify location to a ShopFloor location first.");
        }
        return await jobs.EnqueueAsync(of, store.ShopDomain, type, ct);
    }
}
