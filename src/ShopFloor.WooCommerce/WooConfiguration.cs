using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Data;
using ShopFloor.Core.Sales;
using ShopFloor.WooCommerce.Connection;
using ShopFloor.WooCommerce.Mapping;
using ShopFloor.WooCommerce.Orders;

namespace ShopFloor.WooCommerce;

internal sealed class WooStoreConfiguration : IEntityTypeConfiguration<WooStore>
{
    public void Configure(EntityTypeBuilder<WooStore> store)
    {
        store.ToTable("woo_store");
        store.HasIndex(s => s.Url).IsUnique();
        store.Property(s => s.Url).HasMaxLength(400);
        store.Property(s => s.Name).HasMaxLength(200);
        store.Property(s => s.Settings).AsJson();
        store.Ignore(s => s.Syncing);
        store.Ignore(s => s.State);
        store.HasOne<Location>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WooOrderLinkConfiguration : IEntityTypeConfiguration<WooOrderLink>
{
    public void Configure(EntityTypeBuilder<WooOrderLink> link)
    {
        link.ToTable("woo_order_link");
        link.HasOne<WooStore>().WithMany().HasForeignKey(l => l.StoreId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne<SalesOrder>().WithMany().HasForeignKey(l => l.SalesOrderId).OnDelete(DeleteBehavior.SetNull);
        link.HasIndex(l => new { l.StoreId, l.WooOrderId }).IsUnique();
        link.HasIndex(l => l.SalesOrderId).IsUnique();
    }
}
