using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopFloor.Core.Catalog;

/// <summary>Where a supplier is; the first one is the supplier's default (Katana's supplier_addresses).</summary>
public sealed class SupplierAddress
{
    private SupplierAddress() { }

    public SupplierAddress(long supplierId, DateTime now)
    {
        SupplierId = supplierId;
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public long SupplierId { get; private set; }
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? Zip { get; set; }
    public string? Country { get; set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class SupplierAddressConfiguration : IEntityTypeConfiguration<SupplierAddress>
{
    public void Configure(EntityTypeBuilder<SupplierAddress> address)
    {
        address.ToTable("supplier_addresses");
        address.Property(a => a.Line1).HasColumnName("line_1");
        address.Property(a => a.Line2).HasColumnName("line_2");
        address.HasOne<Supplier>().WithMany().HasForeignKey(a => a.SupplierId).OnDelete(DeleteBehavior.Cascade);
    }
}
