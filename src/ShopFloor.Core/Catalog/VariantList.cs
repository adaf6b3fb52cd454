using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Catalog;

public sealed record VariantRow(long Id, long ItemId, string? Sku, string Name, string? Variant, decimal? Price, decimal? PurchasePrice, bool IsKit, string Recipe);

/// <summary>One page of a kind of item's variants with their recipes, filtered by SKU or name (the Items page).</summary>
public sealed class VariantList(ShopFloorDbContext db)
{
    public async Task<(IReadOnlyList<VariantRow> Rows, int Total)> PageAsync(ItemKind kind, string? search, int page, int pageSize, CancellationToken ct)
    {
        var variants = db.Variants.AsNoTracking().Where(v => v.Item.Kind == kind && v.Item.ArchivedAt == null);
        if (!string.IsNullOrWhiteSpace(search))
            variants = variants.Where(v => (v.Sku != null && v.Sku.StartsWith(search)) || v.Item.Name.Contains(search));
        var total = await variants.CountAsync(ct);
        var rows = await variants.OrderBy(v => v.Item.Name).ThenBy(v => v.Sku).Skip(page * pageSize).Take(pageSize)
            .Select(v => new
            {
                v.Id, v.ItemId, v.Sku, v.Item.Name, Variant = v.Name, v.SalesPrice, v.PurchasePrice, v.Item.IsKit,
                Recipe = db.BomRows.Where(b => b.ProductVariantId == v.Id).Select(b => b.IngredientVariant.Sku + " × " + b.Quantity).ToList(),
            })
            .ToListAsync(ct);
        return (rows.Select(v => new VariantRow(v.Id, v.ItemId, v.Sku, v.Name, v.Variant, v.SalesPrice, v.PurchasePrice, v.IsKit, string.Join(", ", v.Recipe))).ToList(), total);
    }
}
