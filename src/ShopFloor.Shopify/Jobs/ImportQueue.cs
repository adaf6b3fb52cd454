using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Connection;

namespace ShopFloor.Shopify.Jobs;

/// <summary>R-IMP-1, R-IMP-4: starting an import, with the rules of when each kind may start.</summary>
public sealed class ImportQueue(ShopFloorDbContext db, StoreConfiguration configuration, TimeProvider clock)
{
    public async Task<ImportJob> StartAsync(ShopifyStore store, ImportType type, CancellationToken ct)
    {
        if (!store.IsAuthorized)
            throw new DomainException("The store is not connected.");
        var jobs = db.Set<ImportJob>().Where(j => j.StoreId == store.Id);
        if (await jobs.AnyAsync(j => j.Type == type && (j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running), ct))
            throw new DomainException($"A {Name(type)} import of {store.ShopDomain} is already running; wait for it to finish.");
        if (type == ImportType.InitialStock)
        {
            if (store.SyncActive)
                throw new DomainException("Initial stock can only be imported while sync is not active; pause sync first.");
            if (!await jobs.AnyAsync(j => j.Type == ImportType.Products && j.Status == ImportStatus.Succeeded, ct))
                throw new DomainException("Import products first: initial stock is matched through the SKU mapping they create.");
            if (!await configuration.EveryLocationMappedAsync(store.Id, ct))
                throw new DomainException("Map every Shopify location to a ShopFloor location first.");
        }
        var job = new ImportJob(store.Id, type, clock.GetUtcNow().UtcDateTime);
        db.Add(job);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two requests raced; the unique index let one product import through.
            throw new DomainException($"A {Name(type)} import of {store.ShopDomain} is already running; wait for it to finish.");
        }
        return job;
    }

    private static string Name(ImportType type) => type switch
    {
        ImportType.Products => "product",
        ImportType.Customers => "customer",
        ImportType.Orders => "order",
        ImportType.Reconcile => "reconciliation",
        _ => "initial stock",
    };
}
