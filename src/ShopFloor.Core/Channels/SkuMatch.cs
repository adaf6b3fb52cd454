using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Channels;

/// <summary>
/// R-IMP-2's match, for every channel: a store's SKU is a ShopFloor variant code, case-sensitive; where several variants
/// share a SKU, the most recently created.
/// </summary>
public static class SkuMatch
{
    public static async Task<Dictionary<string, long>> NewestBySkuAsync(ShopFloorDbContext db, IReadOnlyCollection<string> skus, CancellationToken ct) =>
        (await db.Variants.Where(v => skus.Contains(v.Sku!)).Select(v => new { v.Id, Sku = v.Sku!, v.CreatedAt }).ToListAsync(ct))
            .GroupBy(v => v.Sku, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id).First().Id, StringComparer.Ordinal);
}
