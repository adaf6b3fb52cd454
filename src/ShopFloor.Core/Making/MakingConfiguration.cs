using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopFloor.Core.Catalog;

namespace ShopFloor.Core.Making;

internal sealed class ManufacturingOrderConfiguration : IEntityTypeConfiguration<ManufacturingOrder>
{
    public void Configure(EntityTypeBuilder<ManufacturingOrder> order)
    {
        order.HasMany(o => o.Recipe).WithOne().HasForeignKey(r => r.ManufacturingOrderId).OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Recipe).HasField("_recipe");
        order.HasMany(o => o.Productions).WithOne().HasForeignKey(p => p.ManufacturingOrderId).OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Productions).HasField("_productions");
        order.HasOne<Variant>().WithMany().HasForeignKey(o => o.VariantId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<Location>().WithMany().HasForeignKey(o => o.LocationId).OnDelete(DeleteBehavior.Restrict);
        order.HasIndex(o => o.SalesOrderRowId);
        order.Ignore(o => o.ProducedQuantity);
        order.Ignore(o => o.Remaining);
        order.Ignore(o => o.IsStarted);
    }
}

internal sealed class RecipeRowSnapshotConfiguration : IEntityTypeConfiguration<RecipeRowSnapshot>
{
    public void Configure(EntityTypeBuilder<RecipeRowSnapshot> row)
    {
        row.ToTable("manufacturing_order_recipe_rows");
        row.HasOne<Variant>().WithMany().HasForeignKey(r => r.VariantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProductionConfiguration : IEntityTypeConfiguration<Production>
{
    public void Configure(EntityTypeBuilder<Production> production) => production.ToTable("manufacturing_order_productions");
}
