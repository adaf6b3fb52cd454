using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Core.Catalog;

public sealed record AddBomRow(long ProductVariantId, long IngredientVariantId, decimal Quantity, string? Notes);

public sealed record UpdateBomRow(decimal? Quantity, string? Notes);

/// <summary>R-CAT-4: recipe rows, kept free of cycles; a kit's potential follows its recipe (R-INV-5).</summary>
public sealed class Recipes(ShopFloorDbContext db, StockLedger ledger, TimeProvider clock)
{
    public Task<BomRow> AddAsync(AddBomRow command, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var product = await db.Variants.Include(v => v.Item).FirstOrDefaultAsync(v => v.Id == command.ProductVariantId, token)
            ?? throw new ValidationFailedException("product_variant_id", $"variant {command.ProductVariantId} does not exist");
        if (product.Item.Kind != ItemKind.Product)
            throw new ValidationFailedException("product_variant_id", "only product variants have recipes");
        if (!await db.Variants.AnyAsync(v => v.Id == command.IngredientVariantId, token))
            throw new ValidationFailedException("ingredient_variant_id", $"variant {command.IngredientVariantId} does not exist");
        if (await db.BomRows.AnyAsync(r => r.ProductVariantId == command.ProductVariantId && r.IngredientVariantId == command.IngredientVariantId, token))
            throw new ValidationFailedException("ingredient_variant_id", "is already in this recipe; change that row's quantity instead");
        if (await IsMadeFromAsync(command.IngredientVariantId, command.ProductVariantId, token))
            throw new ValidationFailedException("ingredient_variant_id", "would make the recipe contain itself");

        var rank = await db.BomRows.CountAsync(r => r.ProductVariantId == command.ProductVariantId, token);
        var row = new BomRow(command.ProductVariantId, command.IngredientVariantId, command.Quantity, clock.GetUtcNow().UtcDateTime)
        {
            Notes = command.Notes,
            Rank = rank + 1,
        };
        db.BomRows.Add(row);
        await db.SaveChangesAsync(token);
        await ledger.RecomputeKitsAsync([row.ProductVariantId], token);
        return row;
    }, ct);

    /// <summary>Adds many rows at once, all or none; <paramref name="replace"/> first clears the recipes they name.</summary>
    public Task<IReadOnlyList<BomRow>> AddManyAsync(IReadOnlyList<AddBomRow> commands, bool replace, CancellationToken ct) =>
        db.InTransactionAsync<IReadOnlyList<BomRow>>(async token =>
        {
            if (replace)
                foreach (var product in commands.Select(c => c.ProductVariantId).Distinct())
                    await ClearAsync(product, token);
            var rows = new List<BomRow>();
            foreach (var command in commands)
                rows.Add(await AddAsync(command, token));
            return rows;
        }, ct);

    /// <summary>Removes a product variant's whole recipe.</summary>
    public Task<int> ClearAsync(long productVariantId, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var rows = await db.BomRows.Where(r => r.ProductVariantId == productVariantId).ToListAsync(token);
        db.BomRows.RemoveRange(rows);
        await db.SaveChangesAsync(token);
        await ledger.RecomputeKitsAsync([productVariantId], token);
        return rows.Count;
    }, ct);

    public Task<BomRow> UpdateAsync(long id, UpdateBomRow command, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var row = await db.BomRows.FindAsync([id], token) ?? throw new NotFoundException("BOM row", id);
        if (command.Quantity is { } quantity)
            row.SetQuantity(quantity);
        if (command.Notes is not null)
            row.Notes = command.Notes;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(token);
        await ledger.RecomputeKitsAsync([row.ProductVariantId], token);
        return row;
    }, ct);

    public Task DeleteAsync(long id, CancellationToken ct) => db.InTransactionAsync(async token =>
    {
        var row = await db.BomRows.FindAsync([id], token) ?? throw new NotFoundException("BOM row", id);
        db.BomRows.Remove(row);
        await db.SaveChangesAsync(token);
        await ledger.RecomputeKitsAsync([row.ProductVariantId], token);
        return true;
    }, ct);

    /// <summary>Whether <paramref name="variantId"/>'s recipe, at any depth, uses <paramref name="ingredientId"/>.</summary>
    private async Task<bool> IsMadeFromAsync(long variantId, long ingredientId, CancellationToken ct)
    {
        var seen = new HashSet<long> { variantId };
        var frontier = new List<long> { variantId };
        while (frontier.Count > 0)
        {
            var next = await db.BomRows.Where(r => frontier.Contains(r.ProductVariantId)).Select(r => r.IngredientVariantId).ToListAsync(ct);
            if (next.Contains(ingredientId))
                return true;
            frontier = next.Where(seen.Add).ToList();
        }
        return false;
    }
}
