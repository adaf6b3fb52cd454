using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Sales;

namespace ShopFloor.Core.Returns;

internal sealed class SalesReturnConfiguration : IEntityTypeConfiguration<SalesReturn>
{
    public void Configure(EntityTypeBuilder<SalesReturn> salesReturn)
    {
        salesReturn.HasMany(r => r.Rows).WithOne().HasForeignKey(r => r.SalesReturnId).OnDelete(DeleteBehavior.Cascade);
        salesReturn.Navigation(r => r.Rows).HasField("_rows");
        salesReturn.HasOne<SalesOrder>().WithMany().HasForeignKey(r => r.SalesOrderId).OnDelete(DeleteBehavior.Restrict);
        salesReturn.HasOne<Location>().WithMany().HasForeignKey(r => r.LocationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SalesReturnRowConfiguration : IEntityTypeConfiguration<SalesReturnRow>
{
    public void Configure(EntityTypeBuilder<SalesReturnRow> row)
    {
        row.ToTable("sales_return_rows");
        row.HasOne<SalesOrderRow>().WithMany().HasForeignKey(r => r.SalesOrderRowId).OnDelete(DeleteBehavior.Restrict);
    }
}
