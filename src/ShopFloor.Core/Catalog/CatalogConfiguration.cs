using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopFloor.Core.Catalog;

internal sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
{
    public void Configure(EntityTypeBuilder<Item> item)
    {
        item.Property(i => i.Uom).HasMaxLength(16);
        item.HasMany(i => i.Variants).WithOne(v => v.Item).HasForeignKey(v => v.ItemId);
        item.Navigation(i => i.Variants).HasField("_variants");
        item.HasIndex(i => new { i.Kind, i.Id });
    }
}

internal sealed class VariantConfiguration : IEntityTypeConfiguration<Variant>
{
    public void Configure(EntityTypeBuilder<Variant> variant)
    {
        variant.HasIndex(v => v.Sku);
    }
}

internal sealed class BomRowConfiguration : IEntityTypeConfiguration<BomRow>
{
    public void Configure(EntityTypeBuilder<BomRow> row)
    {
        row.HasOne(r => r.ProductVariant).WithMany().HasForeignKey(r => r.ProductVariantId).OnDelete(DeleteBehavior.Cascade);
        row.HasOne(r => r.IngredientVariant).WithMany().HasForeignKey(r => r.IngredientVariantId).OnDelete(DeleteBehavior.Restrict);
        row.HasIndex(r => new { r.ProductVariantId, r.IngredientVariantId }).IsUnique();
        // The reverse lookup: which recipes use this variant (kits' potential, R-INV-5).
        row.HasIndex(r => r.IngredientVariantId);
    }
}

