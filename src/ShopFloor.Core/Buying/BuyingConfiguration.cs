using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopFloor.Core.Catalog;

namespace ShopFloor.Core.Buying;

internal sealed class PurchaseOrderConfiguration : IEntityTypeConfiguration<PurchaseOrder>
{
    public void Configure(EntityTypeBuilder<PurchaseOrder> order)
    {
        order.HasMany(o => o.Rows).WithOne().HasForeignKey(r => r.PurchaseOrderId).OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Rows).HasField("_rows");
        order.HasMany(o => o.CostRows).WithOne().HasForeignKey(r => r.PurchaseOrderId).OnDelete(DeleteBehavior.Cascade);
        // Small, and part of every receipt's value: loaded wherever the order is.
        order.Navigation(o => o.CostRows).HasField("_costRows").AutoInclude();
        order.HasOne<Supplier>().WithMany().HasForeignKey(o => o.SupplierId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<Location>().WithMany().HasForeignKey(o => o.LocationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PurchaseOrderRowConfiguration : IEntityTypeConfiguration<PurchaseOrderRow>
{
    public void Configure(EntityTypeBuilder<PurchaseOrderRow> row)
    {
        row.ToTable("purchase_order_rows");
        row.HasOne<Variant>().WithMany().HasForeignKey(r => r.VariantId).OnDelete(DeleteBehavior.Restrict);
    }
}
