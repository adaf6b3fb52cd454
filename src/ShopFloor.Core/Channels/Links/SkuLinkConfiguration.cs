using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopFloor.Core.Catalog;

namespace ShopFloor.Core.Channels.Links;

internal sealed class SkuLinkConfiguration : IEntityTypeConfiguration<SkuLink>
{
    public void Configure(EntityTypeBuilder<SkuLink> link)
    {
        link.ToTable("sku_links");
        link.Ignore(l => l.Store);
        link.Property(l => l.Channel).HasMaxLength(20);
        link.Property(l => l.StoreProductId).HasMaxLength(100);
        link.Property(l => l.StoreItemId).HasMaxLength(100);
        link.Property(l => l.StoreStockItemId).HasMaxLength(100);
        link.HasOne<Variant>().WithMany().HasForeignKey(l => l.VariantId).OnDelete(DeleteBehavior.Cascade);
        link.HasIndex(l => new { l.Channel, l.StoreId, l.StoreItemId }).IsUnique();
        link.HasIndex(l => new { l.Channel, l.StoreId, l.StoreProductId });
        link.HasIndex(l => new { l.Channel, l.StoreId, l.StoreStockItemId });
        link.HasIndex(l => l.VariantId);
        link.HasIndex(l => l.Sku);
    }
}
