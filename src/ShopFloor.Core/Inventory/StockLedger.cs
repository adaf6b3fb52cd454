using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Outbox;

namespace ShopFloor.Core.Inventory;

/// <summary>
/// The only writer of stock figures (R-INV-1..5). It works incrementally: a change touches the levels it
/// names and the kits that use those variants, never the rest of the catalogue, and records an
/// <see cref="InventoryChanged"/> outbox event for every level whose in-stock, committed or potential moved.
/// Call it inside the caller's transaction so the document, its movements and the events commit together.
/// </summary>
public sealed class StockLedger(ShopFloorDbContext db, StockLevelLocks locks, IEnumerable<IStockLevelObserver> observers, TimeProvider clock)
{
    public async Task<IReadOnlyList<InventoryMovement>> ApplyAsync(IEnumerable<StockChange> changes, CancellationToken ct)
    {
        var effective = changes.Where(c => c.InStock != 0 || c.Committed != 0 || c.Expected != 0).ToList();
        if (effective.Count == 0)
            return [];
        if (effective.FirstOrDefault(c => c.InStock != 0 && c.Cause is null) is { } uncaused)
            throw new InvalidOperationException($"An in-stock change of variant {uncaused.VariantId} names no cause.");

        await ValidateAsync(effective, ct);
        var availabilityChanged = effective.Where(c => c.InStock != 0 || c.Committed != 0).ToList();
        var kitRecipes = await KitRecipesUsingAsync(availabilityChanged.Select(c => c.VariantId), ct);
        var kitKeys = KitKeysAt(kitRecipes, availabilityChanged.Select(c => c.Key));

        var levels = await locks.LockAsync(effective.Select(c => c.Key).Concat(kitKeys), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var movements = new List<InventoryMovement>();
        foreach (var change in effective)
        {
            var level = levels[change.Key];
            level.InStock += change.InStock;
            level.Committed += change.Committed;
            level.Expected += change.Expected;
            if (change.InStock != 0)
            {
                level.Value(change.InStock, change.Cause!.CostPerUnit ?? MovedAtCost(change, effective, levels));
                movements.Add(new InventoryMovement(level, change.InStock, change.Cause, now));
            }
        }
        db.InventoryMovements.AddRange(movements);

        var changedKeys = availabilityChanged.Select(c => c.Key).ToHashSet();
        changedKeys.UnionWith(await UpdatePotentialsAsync(kitRecipes, kitKeys, levels, ct));
        db.OutboxMessages.AddRange(changedKeys.Order().Select(k => new InventoryChanged(k.VariantId, k.LocationId).ToMessage(now)));
        var moved = effective.Select(c => c.Key).Distinct().ToList();
        foreach (var observer in observers)
            await observer.LevelsChangedAsync(moved, ct);
        await db.SaveChangesAsync(ct);
        return movements;
    }

    /// <summary>Goods moved between locations (a transfer) arrive at the average cost of where they left.</summary>
    private static decimal? MovedAtCost(StockChange arriving, List<StockChange> changes, Dictionary<StockKey, StockLevel> levels) =>
        arriving.InStock > 0 && changes.FirstOrDefault(c => c.InStock < 0 && c.Cause == arriving.Cause && c.VariantId == arriving.VariantId) is { } leaving
            ? levels[leaving.Key].AverageCost
            : null;

    /// <summary>
    /// Applies a change to a document as the difference of its footprint before and after. The document is saved
    /// first, so new rows have the ids their movements name.
    /// </summary>
    public async Task ChangeAsync(IStockDocument document, Func<Task> change, CancellationToken ct)
    {
        var before = document.Footprint().ToList();
        await change();
        await db.SaveChangesAsync(ct);
        await ApplyAsync(StockFootprint.Diff(before, document.Footprint()), ct);
    }

    /// <summary>Saves a new document (already added to the context) and applies its whole footprint.</summary>
    public async Task AddAsync(IStockDocument document, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await ApplyAsync(document.Footprint(), ct);
    }

    public Task ChangeAsync(IStockDocument document, Action change, CancellationToken ct) =>
        ChangeAsync(document, () =>
        {
            change();
            return Task.CompletedTask;
        }, ct);

    /// <summary>Recomputes kits' potential at every location, after their recipe or kit flag changed.</summary>
    public async Task RecomputeKitsAsync(IEnumerable<long> kitVariantIds, CancellationToken ct)
    {
        var ids = kitVariantIds.Distinct().ToList();
        var recipes = await db.BomRows.AsNoTracking()
            .Where(r => ids.Contains(r.ProductVariantId))
            .Select(r => new RecipeRow(r.ProductVariantId, r.IngredientVariantId, r.Quantity))
            .ToListAsync(ct);
        var kits = await db.Variants.Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.Item.IsKit }).ToListAsync(ct);
        var locationIds = await db.Locations.Select(l => l.Id).ToListAsync(ct);
        var keys = kits.SelectMany(k => locationIds.Select(l => new StockKey(k.Id, l))).ToList();
        var levels = await locks.LockAsync(keys, ct);

        var changed = new List<StockKey>();
        foreach (var kit in kits.Where(k => !k.IsKit))
            foreach (var level in locationIds.Select(l => levels[new StockKey(kit.Id, l)]).Where(l => l.Potential is not null))
            {
                level.Potential = null;
                changed.Add(level.Key);
            }
        var kitRecipes = recipes.Where(r => kits.Any(k => k.IsKit && k.Id == r.KitVariantId)).ToLookup(r => r.KitVariantId);
        changed.AddRange(await UpdatePotentialsAsync(kitRecipes, keys.Where(k => kitRecipes.Contains(k.VariantId)).ToList(), levels, ct));

        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxMessages.AddRange(changed.Order().Select(k => new InventoryChanged(k.VariantId, k.LocationId).ToMessage(now)));
        await db.SaveChangesAsync(ct);
    }

    public Task ValidateAsync(IReadOnlyCollection<StockChange> changes, CancellationToken ct) =>
        ValidateAsync(changes.Select(c => c.VariantId), changes.Select(c => c.LocationId), ct);

    /// <summary>Throws unless every variant exists and holds stock, and every location exists.</summary>
    public async Task ValidateAsync(IEnumerable<long> variants, IEnumerable<long> locations, CancellationToken ct)
    {
        var variantIds = variants.Distinct().ToList();
        var kinds = await db.Variants.Where(v => variantIds.Contains(v.Id))
            .Select(v => new { v.Id, v.Item.Kind }).ToDictionaryAsync(v => v.Id, v => v.Kind, ct);
        foreach (var id in variantIds)
        {
            if (!kinds.TryGetValue(id, out var kind))
                throw new ValidationFailedException("variant_id", $"variant {id} does not exist");
            if (kind == ItemKind.Service)
                throw new ValidationFailedException("variant_id", $"variant {id} is a service and holds no stock");
        }
        var locationIds = locations.Distinct().ToList();
        var known = await db.Locations.Where(l => locationIds.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct);
        if (locationIds.Except(known).ToList() is [var missing, ..])
            throw new ValidationFailedException("location_id", $"location {missing} does not exist");
    }

    private async Task<ILookup<long, RecipeRow>> KitRecipesUsingAsync(IEnumerable<long> variantIds, CancellationToken ct)
    {
        var ids = variantIds.Distinct().ToList();
        // Uncorrelated on purpose: the kits using these variants are found once through the ingredient index.
        var kitsUsing = db.BomRows.Where(u => ids.Contains(u.IngredientVariantId) && u.ProductVariant.Item.IsKit).Select(u => u.ProductVariantId);
        var rows = await db.BomRows.AsNoTracking()
            .Where(r => kitsUsing.Contains(r.ProductVariantId))
            .Select(r => new RecipeRow(r.ProductVariantId, r.IngredientVariantId, r.Quantity))
            .ToListAsync(ct);
        return rows.ToLookup(r => r.KitVariantId);
    }

    private static List<StockKey> KitKeysAt(ILookup<long, RecipeRow> kitRecipes, IEnumerable<StockKey> changed)
    {
        var keys = new HashSet<StockKey>();
        foreach (var key in changed)
            foreach (var kit in kitRecipes.Where(k => k.Any(r => r.ComponentVariantId == key.VariantId)))
                keys.Add(new StockKey(kit.Key, key.LocationId));
        return [.. keys];
    }

    /// <summary>Sets the potential of each kit level from its components' available stock; returns those that moved.</summary>
    private async Task<List<StockKey>> UpdatePotentialsAsync(
        ILookup<long, RecipeRow> kitRecipes, IReadOnlyCollection<StockKey> kitKeys,
        Dictionary<StockKey, StockLevel> lockedLevels, CancellationToken ct)
    {
        if (kitKeys.Count == 0)
            return [];
        var componentIds = kitRecipes.SelectMany(k => k.Select(r => r.ComponentVariantId)).Distinct().ToList();
        var locationIds = kitKeys.Select(k => k.LocationId).Distinct().ToList();
        // Tracked query: levels this change already holds come back as the same, updated, instances.
        var components = (await db.StockLevels
                .Where(l => componentIds.Contains(l.VariantId) && locationIds.Contains(l.LocationId))
                .ToListAsync(ct))
            .ToDictionary(l => l.Key);

        var moved = new List<StockKey>();
        foreach (var key in kitKeys)
        {
            var potential = KitPotential.Of(kitRecipes[key.VariantId].Select(r =>
                (components.GetValueOrDefault(new StockKey(r.ComponentVariantId, key.LocationId))?.Available ?? 0, r.Quantity)));
            var level = lockedLevels[key];
            if (level.Potential == potential)
                continue;
            level.Potential = potential;
            moved.Add(key);
        }
        return moved;
    }

    private sealed record RecipeRow(long KitVariantId, long ComponentVariantId, decimal Quantity);
}
