using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Core.Catalog;

/// <summary>What the web app's Items page does to the catalogue: an item with its first variant, edits, more variants, archiving.</summary>
public sealed record ItemFields(string Name, string? Sku, decimal? SalesPrice, decimal? PurchasePrice, bool IsKit);

public sealed class ItemEditor(ShopFloorDbContext db, StockLedger ledger, TimeProvider clock)
{
    public async Task<Variant> CreateAsync(ItemKind kind, ItemFields fields, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var item = new Item(kind, fields.Name, now)
        {
            IsSellable = kind != ItemKind.Material,
            IsProducible = kind == ItemKind.Product,
            IsPurchasable = kind != ItemKind.Service,
        };
        if (kind == ItemKind.Product)
            item.MarkKit(fields.IsKit);
        var variant = item.AddVariant(Blank(fields.Sku), now);
        variant.SetPrices(fields.SalesPrice, fields.PurchasePrice);
        db.Items.Add(item);
        await db.SaveChangesAsync(ct);
        return variant;
    }

    /// <summary>Edits a variant and its item; a changed kit flag recomputes the kit's potential everywhere.</summary>
    public Task<Variant> UpdateAsync(long variantId, ItemFields fields, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var variant = await db.Variants.Include(v => v.Item).ThenInclude(i => i.Variants).FirstOrDefaultAsync(v => v.Id == variantId, token)
            ?? throw new NotFoundException("Variant", variantId);
        var now = clock.GetUtcNow().UtcDateTime;
        var kitChanged = variant.Item.Kind == ItemKind.Product && variant.Item.IsKit != fields.IsKit;
        variant.Item.Rename(fields.Name);
        if (kitChanged)
            variant.Item.MarkKit(fields.IsKit);
        variant.Sku = Blank(fields.Sku);
        variant.SetPrices(fields.SalesPrice, fields.PurchasePrice);
        variant.Touch(now);
        variant.Item.Touch(now);
        await db.SaveChangesAsync(token);
        if (kitChanged)
            await ledger.RecomputeKitsAsync(variant.Item.Variants.Select(v => v.Id), token);
        return variant;
    }, ct);

    public async Task<Variant> AddVariantAsync(long itemId, string? sku, CancellationToken ct)
    {
        var item = await db.Items.Include(i => i.Variants).FirstOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new NotFoundException("Item", itemId);
        var variant = item.AddVariant(Blank(sku), clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return variant;
    }

    /// <summary>Archived items leave the lists and the pickers; their history stays.</summary>
    public async Task ArchiveAsync(long itemId, bool archived, CancellationToken ct)
    {
        var item = await db.Items.FirstOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new NotFoundException("Item", itemId);
        var now = clock.GetUtcNow().UtcDateTime;
        item.ArchivedAt = archived ? item.ArchivedAt ?? now : null;
        item.Touch(now);
        await db.SaveChangesAsync(ct);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
