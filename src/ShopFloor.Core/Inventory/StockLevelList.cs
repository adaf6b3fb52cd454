using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Inventory;

public sealed record StockLevelRow(
    long VariantId, long LocationId, string? Sku, string Name, string Location, decimal InStock, decimal Committed, decimal Expected, decimal? Potential);

/// <summary>
/// One page of stock levels, ordered by SKU and location, filtered by SKU or item name (the Stock page). Paged and
/// filtered in the database, so a catalogue of 100,000 variants costs one page's rows.
/// </summary>
public sealed class StockLevelList(ShopFloorDbContext db)
{
    public async Task<(IReadOnlyList<StockLevelRow> Rows, int Total)> PageAsync(string? search, int page, int pageSize, CancellationToken ct)
    {
        var levels = from l in db.StockLevels.AsNoTracking()
                     join v in db.Variants on l.VariantId equals v.Id
                     join loc in db.Locations on l.LocationId equals loc.Id
                     select new { l, v.Sku, v.Item.Name, Location = loc.Name };
        if (!string.IsNullOrWhiteSpace(search))
            levels = levels.Where(x => (x.Sku != null && x.Sku.StartsWith(search)) || x.Name.Contains(search));
        var total = await levels.CountAsync(ct);
        var rows = await levels.OrderBy(x => x.Sku).ThenBy(x => x.Location).Skip(page * pageSize).Take(pageSize)
            .Select(x => new StockLevelRow(x.l.VariantId, x.l.LocationId, x.Sku, x.Name, x.Location, x.l.InStock, x.l.Committed, x.l.Expected, x.l.Potential))
            .ToListAsync(ct);
        return (rows, total);
    }
}
