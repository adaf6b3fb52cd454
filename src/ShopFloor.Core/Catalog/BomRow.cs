using ShopFloor.Core.Common;

namespace ShopFloor.Core.Catalog;

/// <summary>R-CAT-4: one ingredient of a product variant's recipe, per unit made. Recipes nest.</summary>
public sealed class BomRow
{
    private BomRow() { }

    public BomRow(long productVariantId, long ingredientVariantId, decimal quantity, DateTime now)
    {
        if (productVariantId == ingredientVariantId)
            throw new ValidationFailedException("ingredient_variant_id", "a variant cannot be an ingredient of itself");
        ProductVariantId = productVariantId;
        IngredientVariantId = ingredientVariantId;
        SetQuantity(quantity);
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public long ProductVariantId { get; private set; }
    public Variant ProductVariant { get; private set; } = null!;
    public long IngredientVariantId { get; private set; }
    public Variant IngredientVariant { get; private set; } = null!;
    public decimal Quantity { get; private set; }
    public string? Notes { get; set; }
    public int Rank { get; set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; set; }

    public void SetQuantity(decimal quantity) => Quantity = Guard.Positive(quantity, "quantity");
}
