using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Catalog;

public sealed record RecipeRowInput(long? ProductVariantId, long? IngredientVariantId, decimal? Quantity, string? Notes);

public sealed record CreateRecipesRequest(bool? KeepCurrentRows, IReadOnlyList<RecipeRowInput?>? Rows);

public sealed record UpdateRecipeRowRequest(long? IngredientVariantId, decimal? Quantity, string? Notes);

/// <summary>Katana's former shape of a BOM row, still served to older scripts.</summary>
public sealed record RecipeResponse(
    string Id, string RecipeRowId, long ProductId, long ProductItemId, long ProductVariantId, long IngredientVariantId, decimal Quantity,
    string? Notes, int Rank, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static RecipeResponse From(BomRow row, long itemId) => new(BomRowId.Of(row.Id), BomRowId.Of(row.Id), itemId, itemId,
        row.ProductVariantId, row.IngredientVariantId, row.Quantity, row.Notes, row.Rank, row.CreatedAt, row.UpdatedAt);
}

/// <summary>/v1/recipes and /v1/recipe_rows: Katana's deprecated names for BOM rows, over the same recipes (R-CAT-4).</summary>
public static class RecipesApi
{
    public static void MapRecipes(this IEndpointRouteBuilder v1)
    {
        var recipes = v1.MapGroup("/recipes").WithTags("Recipes");
        recipes.MapGet("", ([FromQuery(Name = "product_variant_ids")] string[]? productVariantIds, [FromQuery(Name = "ingredient_variant_id")] long? ingredientVariantId,
                [FromQuery(Name = "product_id")] long? productId, [FromQuery(Name = "recipe_row_id")] string? recipeRowId,
                [AsParameters] RecordFilters filters, [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
        {
            var products = RecordFilters.Parse(productVariantIds, "product_variant_ids");
            long? rowId = recipeRowId is null ? null : BomRowId.Parse(recipeRowId);
            return filters.Apply(db.BomRows.AsNoTracking(), db)
                .Where(r => products.Count == 0 || products.Contains(r.ProductVariantId))
                .Where(r => ingredientVariantId == null || r.IngredientVariantId == ingredientVariantId)
                .Where(r => productId == null || r.ProductVariant.ItemId == productId)
                .Where(r => rowId == null || r.Id == rowId)
                .OrderBy(r => r.ProductVariantId).ThenBy(r => r.Rank)
                .Select(r => new { Row = r, r.ProductVariant.ItemId })
                .ToPageAsync(paging, http, r => RecipeResponse.From(r.Row, r.ItemId), ct);
        });
        recipes.MapPost("", async (CreateRecipesRequest request, Recipes service, CancellationToken ct) =>
        {
            var rows = request.Rows.Rows("rows");
            if (rows.Count == 0)
                throw new ValidationFailedException("rows", "must contain at least one row");
            await service.AddManyAsync(rows.Select((r, i) => BomRowsApi.Command(
                new CreateBomRowRequest(null, r.ProductVariantId, r.IngredientVariantId, r.Quantity, r.Notes), $"rows[{i}].")).ToList(),
                replace: request.KeepCurrentRows == false, ct);
            return TypedResults.NoContent();
        });
        // The id is the product variant whose whole recipe goes.
        recipes.MapDelete("/{id:long}", async (long id, Recipes service, CancellationToken ct) =>
        {
            await service.ClearAsync(id, ct);
            return TypedResults.NoContent();
        });

        var rows = v1.MapGroup("/recipe_rows").WithTags("Recipes");
        rows.MapPatch("/{id}", async (string id, UpdateRecipeRowRequest request, Recipes service, ShopFloorDbContext db, CancellationToken ct) =>
        {
            var rowId = BomRowId.Parse(id);
            if (request.IngredientVariantId is { } ingredient && !await db.BomRows.AnyAsync(r => r.Id == rowId && r.IngredientVariantId == ingredient, ct))
                throw new ValidationFailedException("ingredient_variant_id", "a row's ingredient stays; delete the row and add another");
            var row = await service.UpdateAsync(rowId, new UpdateBomRow(request.Quantity, request.Notes), ct);
            return TypedResults.Ok(RecipeResponse.From(row, await db.Variants.Where(v => v.Id == row.ProductVariantId).Select(v => v.ItemId).FirstAsync(ct)));
        });
        rows.MapDelete("/{id}", async (string id, Recipes service, CancellationToken ct) =>
        {
            await service.DeleteAsync(BomRowId.Parse(id), ct);
            return TypedResults.NoContent();
        });
    }
}
