using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Core.Making;

/// <summary>An ingredient a not-started manufacturing order needs more of than the shelf holds.</summary>
public sealed record Shortage(long VariantId, decimal Needed, decimal InStock)
{
    public decimal Missing => Needed - InStock;
}

/// <summary>What blocks manufacturing orders: a not-started order is BLOCKED while some ingredient is short.</summary>
public sealed class IngredientShortages(ShopFloorDbContext db)
{
    /// <summary>The shortages of each blocked order (orders with none are left out). The orders' recipes must be loaded.</summary>
    public async Task<Dictionary<long, List<Shortage>>> OfAsync(IReadOnlyCollection<ManufacturingOrder> orders, CancellationToken ct)
    {
        var waiting = orders.Where(o => o.Status == ManufacturingStatus.NotStarted && o.Recipe.Count > 0).ToList();
        var variantIds = waiting.SelectMany(o => o.Recipe.Select(r => r.VariantId)).Distinct().ToList();
        var locationIds = waiting.Select(o => o.LocationId).Distinct().ToList();
        var levels = await db.StockLevels.AsNoTracking().Where(l => variantIds.Contains(l.VariantId) && locationIds.Contains(l.LocationId))
            .ToDictionaryAsync(l => l.Key, l => l.InStock, ct);
        var shortages = new Dictionary<long, List<Shortage>>();
        foreach (var order in waiting)
        {
            var missing = order.Recipe
                .Select(r => new Shortage(r.VariantId, r.QuantityPerUnit * order.Remaining, levels.GetValueOrDefault(new StockKey(r.VariantId, order.LocationId))))
                .Where(s => s.InStock < s.Needed).ToList();
            if (missing.Count > 0)
                shortages[order.Id] = missing;
        }
        return shortages;
    }
}
