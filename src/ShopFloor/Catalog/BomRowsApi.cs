using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Catalog;

public sealed record CreateBomRowRequest(long? ProductItemId, long? ProductVariantId, long? IngredientVariantId, decimal? Quantity, string? Notes);

public sealed record BatchCreateBomRowsRequest(IReadOnlyList<CreateBomRowRequest?>? Data);

public sealed record UpdateBomRowRequest(decimal? Quantity, string? Notes);

public sealed record BomRowResponse(
    string Id, long ProductItemId, long ProductVariantId, long IngredientVariantId, decimal Quantity, string? Notes,
    int Rank, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static BomRowResponse From(BomRow row, long productItemId) => new(
        BomRowId.Of(row.Id), productItemId, row.ProductVariantId, row.IngredientVariantId, row.Quantity, row.Notes, row.Rank, row.CreatedAt, row.UpdatedAt);
}

/// <summary>/v1/bom_rows: recipes (R-CAT-4). An ingredient may itself have a recipe; cycles are refused.</summary>
public static class BomRowsApi
{
    public static void MapBomRows(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/bom_rows").WithTags("Recipes");
        group.MapGet("", ([FromQuery(Name = "id")] string? id, [FromQuery(Name = "product_variant_id")] long? productVariantId,
                [FromQuery(Name = "product_item_id")] long? productItemId, [FromQuery(Name = "ingredient_variant_id")] long? ingredientVariantId,
                [AsParameters] RecordFilters filters, [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
        {
            long? rowId = id is null ? null : BomRowId.Parse(id);
            return filters.Apply(db.BomRows.AsNoTracking(), db)
                .Where(r => rowId == null || r.Id == rowId)
                .Where(r => productVariantId == null || r.ProductVariantId == productVariantId)
                .Where(r => productItemId == null || r.ProductVariant.ItemId == productItemId)
                .Where(r => ingredientVariantId == null || r.IngredientVariantId == ingredientVariantId)
                .OrderBy(r => r.ProductVariantId).ThenBy(r => r.Rank)
                .Select(r => new { Row = r, r.ProductVariant.ItemId })
                .ToPageAsync(paging, http, r => BomRowResponse.From(r.Row, r.ItemId), ct);
        });
        group.MapPost("", async (CreateBomRowRequest request, Recipes recipes, ShopFloorDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await ResponseAsync(db, await recipes.AddAsync(Command(request, ""), ct), ct)));
        group.MapPost("/batch/create", async (BatchCreateBomRowsRequest request, Recipes recipes, CancellationToken ct) =>
        {
            await recipes.AddManyAsync(request.Data.Rows("data").Select((r, i) => Command(r, $"data[{i}].")).ToList(), replace: false, ct);
            return TypedResults.NoContent();
        });
        group.MapPatch("/{id}", async (string id, UpdateBomRowRequest request, Recipes recipes, ShopFloorDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await ResponseAsync(db, await recipes.UpdateAsync(BomRowId.Parse(id), new UpdateBomRow(request.Quantity, request.Notes), ct), ct)));
        group.MapDelete("/{id}", async (string id, Recipes recipes, CancellationToken ct) =>
        {
            await recipes.DeleteAsync(BomRowId.Parse(id), ct);
            return TypedResults.NoContent();
        });
    }

    public static AddBomRow Command(CreateBomRowRequest request, string prefix) => new(
        request.ProductVariantId ?? throw new ValidationFailedException(prefix + "product_variant_id", "is required"),
        request.IngredientVariantId ?? throw new ValidationFailedException(prefix + "ingredient_variant_id", "is required"),
        request.Quantity ?? 1, request.Notes);

    public static async Task<BomRowResponse> ResponseAsync(ShopFloorDbContext db, BomRow row, CancellationToken ct) =>
        BomRowResponse.From(row, await db.Variants.Where(v => v.Id == row.ProductVariantId).Select(v => v.ItemId).FirstAsync(ct));
}
