using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Channels.Jobs;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> job)
    {
        job.ToTable("import_jobs");
        job.Property(j => j.Channel).HasMaxLength(20);
        job.Property(j => j.Counts).AsJson();
        job.Property(j => j.Errors).AsJson();
        job.Property(j => j.Cursor).HasColumnType("text");
        job.Property(j => j.Failure).HasColumnType("text");
        job.HasIndex(j => new { j.Status, j.Id });
        job.HasIndex(j => new { j.Channel, j.StoreId, j.Id });
        // R-IMP-1: only one product import per store waits or runs at a time.
        job.HasIndex(j => new { j.Channel, j.StoreId, j.Type }).IsUnique().HasFilter("status IN ('Queued', 'Running') AND type = 'Products'")
            .HasDatabaseName("ix_import_jobs_one_product_import");
    }
}
