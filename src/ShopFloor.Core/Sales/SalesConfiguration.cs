using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Customers;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Sales;

internal sealed class SalesOrderConfiguration : IEntityTypeConfiguration<SalesOrder>
{
    public void Configure(EntityTypeBuilder<SalesOrder> order)
    {
        order.HasMany(o => o.Rows).WithOne(r => r.Order).HasForeignKey(r => r.SalesOrderId).OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Rows).HasField("_rows");
        order.HasMany(o => o.Fulfillments).WithOne().HasForeignKey(f => f.SalesOrderId).OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Fulfillments).HasField("_fulfillments");
        order.HasOne<Location>().WithMany().HasForeignKey(o => o.LocationId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.SetNull);
        order.Ignore(o => o.IsOpen);
        order.Property(o => o.Addresses).AsJson();
        order.Property(o => o.Tags).AsJson();
        // R-SYNC-1: one sales order per store and Shopify order, however often the order arrives.
        order.HasIndex(o => new { o.StoreId, o.ShopifyOrderId }).IsUnique();
        order.HasIndex(o => new { o.Status, o.PriorityRank });
        order.HasIndex(o => o.PriorityRank);
    }
}

internal sealed class DeletedShopifyOrderConfiguration : IEntityTypeConfiguration<DeletedShopifyOrder>
{
    public void Configure(EntityTypeBuilder<DeletedShopifyOrder> deleted)
    {
        deleted.Property(d => d.ShopifyOrderId).HasMaxLength(400);
        deleted.HasIndex(d => new { d.StoreId, d.ShopifyOrderId }).IsUnique();
    }
}

internal sealed class SalesOrderRowConfiguration : IEntityTypeConfiguration<SalesOrderRow>
{
    public void Configure(EntityTypeBuilder<SalesOrderRow> row)
    {
        row.ToTable("sales_order_rows");
        row.HasOne<Variant>().WithMany().HasForeignKey(r => r.VariantId).OnDelete(DeleteBehavior.Restrict);
        row.HasOne<Location>().WithMany().HasForeignKey(r => r.LocationId).OnDelete(DeleteBehavior.Restrict);
        row.HasIndex(r => new { r.VariantId, r.LocationId });
        row.HasOne<TaxRate>().WithMany().HasForeignKey(r => r.TaxRateId).OnDelete(DeleteBehavior.Restrict);
        row.Ignore(r => r.Open);
        row.Property(r => r.Properties).AsJson();
        row.Ignore(r => r.IsFulfillable);
    }
}

internal sealed class SalesOrderFulfillmentConfiguration : IEntityTypeConfiguration<SalesOrderFulfillment>
{
    public void Configure(EntityTypeBuilder<SalesOrderFulfillment> fulfillment)
    {
        fulfillment.ToTable("sales_order_fulfillments");
        fulfillment.HasMany(f => f.Rows).WithOne().HasForeignKey(r => r.SalesOrderFulfillmentId).OnDelete(DeleteBehavior.Cascade);
        fulfillment.Navigation(f => f.Rows).HasField("_rows");
    }
}

internal sealed class FulfillmentRowConfiguration : IEntityTypeConfiguration<FulfillmentRow>
{
    public void Configure(EntityTypeBuilder<FulfillmentRow> row)
    {
        row.ToTable("sales_order_fulfillment_rows");
        row.HasOne(r => r.Row).WithMany().HasForeignKey(r => r.SalesOrderRowId).OnDelete(DeleteBehavior.Cascade);
    }
}
