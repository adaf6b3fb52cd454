using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ShopFloor.Core.Buying;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Making;
using ShopFloor.Core.Sales;

namespace ShopFloor.Core.Webhooks;

/// <summary>
/// Turns what a save changes into webhook deliveries committed with it: the records' own changes are the events,
/// so no use case can forget to raise one. Created records have their ids only once inserted, so the deliveries
/// follow in a second statement of the same transaction (one is opened when the caller has none).
/// </summary>
internal static class WebhookOutbox
{
    public static async Task<int> SaveAsync(ShopFloorDbContext db, Func<bool, Task<int>> save, bool accept, TimeProvider clock, CancellationToken ct)
    {
        var webhooksChanged = db.ChangeTracker.Entries<Webhook>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        try
        {
            return await SaveWithDeliveriesAsync(db, save, accept, clock, ct);
        }
        finally
        {
            if (webhooksChanged)
                WebhookSubscriptions.Forget(db);
        }
    }

    private static async Task<int> SaveWithDeliveriesAsync(ShopFloorDbContext db, Func<bool, Task<int>> save, bool accept, TimeProvider clock, CancellationToken ct)
    {
        var pending = ChangeEvents.Detect(db.ChangeTracker);
        var hooks = pending.Count == 0 ? [] : await WebhookSubscriptions.EnabledAsync(db, clock, ct);
        pending.RemoveAll(p => !hooks.Any(h => h.SubscribedEvents.Any(p.CouldBe)));
        if (pending.Count == 0)
            return await save(accept);
        if (db.Database.CurrentTransaction is not null)
        {
            var saved = await save(accept);
            await AddDeliveriesAsync(db, pending, hooks, clock, ct);
            await save(accept);
            return saved;
        }
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            var firstSaved = false;
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                var saved = await save(false);
                // Accepted now so the second save inserts only the deliveries; past this point a retry would lose the change.
                db.ChangeTracker.AcceptAllChanges();
                firstSaved = true;
                await AddDeliveriesAsync(db, pending, hooks, clock, token);
                await save(true);
                await transaction.CommitAsync(token);
                return saved;
            }
            catch (Exception e) when (firstSaved && e is not OperationCanceledException)
            {
                throw new InvalidOperationException("The change and its webhook deliveries were not saved; run it again.", e);
            }
        }, ct);
    }

    private static async Task AddDeliveriesAsync(ShopFloorDbContext db, List<ChangeEvent> pending, IReadOnlyList<Webhook> hooks, TimeProvider clock, CancellationToken ct)
    {
        var stockVariants = pending.Where(p => p.ResourceType == ChangeEvents.Inventory).Select(p => p.VariantId!.Value).Distinct().ToList();
        var kinds = stockVariants.Count == 0 ? new Dictionary<long, ItemKind>()
            : await db.Variants.Where(v => stockVariants.Contains(v.Id)).Select(v => new { v.Id, v.Item.Kind }).ToDictionaryAsync(v => v.Id, v => v.Kind, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var e in pending.Select(p => p.Resolve(kinds)).OfType<WebhookEvent>())
            foreach (var hook in hooks.Where(h => h.Wants(e.Action)))
                db.Add(new WebhookDelivery(hook.Id, e, now));
    }
}

/// <summary>One detected change; its id and, for stock, its product-or-material name are known after the insert.</summary>
internal sealed record ChangeEvent(EntityEntry Entry, string ResourceType, string Action, string? Status, string? Collection, long? VariantId = null)
{
    /// <summary>Whether a subscription to <paramref name="action"/> could want this (stock events are named by kind later).</summary>
    public bool CouldBe(string action) => ResourceType == ChangeEvents.Inventory ? action.StartsWith(ResourceType + ".", StringComparison.Ordinal) : action == Action;

    public WebhookEvent? Resolve(IReadOnlyDictionary<long, ItemKind> kinds)
    {
        if (ResourceType == ChangeEvents.Inventory)
        {
            var level = (StockLevel)Entry.Entity;
            if (!kinds.TryGetValue(level.VariantId, out var kind) || kind == ItemKind.Service)
                return null;
            return new WebhookEvent(ResourceType, $"{ResourceType}.{(kind == ItemKind.Product ? "product" : "material")}_{Action}",
                level.VariantId.ToString(CultureInfo.InvariantCulture), Status, $"/v1/inventory?variant_id={level.VariantId}&location_id={level.LocationId}");
        }
        var id = (long)Entry.Property("Id").CurrentValue!;
        var publicId = Entry.Entity is BomRow ? BomRowId.Of(id) : id.ToString(CultureInfo.InvariantCulture);
        return new WebhookEvent(ResourceType, Action, publicId, Status, Collection is null ? null : $"/v1/{Collection}/{publicId}");
    }
}
