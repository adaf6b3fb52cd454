using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopFloor.Core.Catalog;

namespace ShopFloor.Core.Inventory;

internal sealed class StockLevelConfiguration : IEntityTypeConfiguration<StockLevel>
{
    public void Configure(EntityTypeBuilder<StockLevel> level)
    {
        level.HasKey(l => new { l.VariantId, l.LocationId });
        level.HasOne<Variant>().WithMany().HasForeignKey(l => l.VariantId).OnDelete(DeleteBehavior.Cascade);
        level.HasOne<Location>().WithMany().HasForeignKey(l => l.LocationId).OnDelete(DeleteBehavior.Restrict);
        // /v1/inventory pages by location, then variant: the index gives that order without sorting every level.
        level.HasIndex(l => new { l.LocationId, l.VariantId });
        level.Ignore(l => l.Key);
        // Defaults in the schema: the lock statements insert new levels naming only the quantities.
        level.Property(l => l.SafetyStockLevel).HasDefaultValue(0m);
        level.Property(l => l.AverageCost).HasDefaultValue(0m);
        level.Property(l => l.ValueInStock).HasDefaultValue(0m);
    }
}

internal sealed class InventoryMovementConfiguration : IEntityTypeConfiguration<InventoryMovement>
{
    public void Configure(EntityTypeBuilder<InventoryMovement> movement)
    {
        movement.HasOne<Variant>().WithMany().HasForeignKey(m => m.VariantId).OnDelete(DeleteBehavior.Restrict);
        movement.HasOne<Location>().WithMany().HasForeignKey(m => m.LocationId).OnDelete(DeleteBehavior.Restrict);
        movement.HasIndex(m => new { m.VariantId, m.LocationId, m.Id });
        movement.Property(m => m.CausedByOrderNo).HasMaxLength(100);
    }
}

internal sealed class StockAdjustmentConfiguration : IEntityTypeConfiguration<StockAdjustment>
{
    public void Configure(EntityTypeBuilder<StockAdjustment> adjustment)
    {
        adjustment.Property(a => a.StockAdjustmentNumber).HasMaxLength(100);
        adjustment.HasOne<Location>().WithMany().HasForeignKey(a => a.LocationId).OnDelete(DeleteBehavior.Restrict);
        adjustment.HasMany(a => a.Rows).WithOne().HasForeignKey(r => r.StockAdjustmentId).OnDelete(DeleteBehavior.Cascade);
        adjustment.Navigation(a => a.Rows).HasField("_rows");
    }
}

internal sealed class StockAdjustmentRowConfiguration : IEntityTypeConfiguration<StockAdjustmentRow>
{
    public void Configure(EntityTypeBuilder<StockAdjustmentRow> row) =>
        row.HasOne<Variant>().WithMany().HasForeignKey(r => r.VariantId).OnDelete(DeleteBehavior.Restrict);
}

internal sealed class StockTransferConfiguration : IEntityTypeConfiguration<StockTransfer>
{
    public void Configure(EntityTypeBuilder<StockTransfer> transfer)
    {
        transfer.Property(t => t.StockTransferNumber).HasMaxLength(100);
        transfer.HasOne<Location>().WithMany().HasForeignKey(t => t.SourceLocationId).OnDelete(DeleteBehavior.Restrict);
        transfer.HasOne<Location>().WithMany().HasForeignKey(t => t.TargetLocationId).OnDelete(DeleteBehavior.Restrict);
        transfer.HasMany(t => t.Rows).WithOne().HasForeignKey(r => r.StockTransferId).OnDelete(DeleteBehavior.Cascade);
        transfer.Navigation(t => t.Rows).HasField("_rows");
    }
}

internal sealed class StockTransferRowConfiguration : IEntityTypeConfiguration<StockTransferRow>
{
    public void Configure(EntityTypeBuilder<StockTransferRow> row) =>
        row.HasOne<Variant>().WithMany().HasForeignKey(r => r.VariantId).OnDelete(DeleteBehavior.Restrict);
}
