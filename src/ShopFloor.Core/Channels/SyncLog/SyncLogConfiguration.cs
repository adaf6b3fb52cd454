using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopFloor.Core.Channels.SyncLog;

internal sealed class SyncLogConfiguration : IEntityTypeConfiguration<SyncLogEntry>
{
    public void Configure(EntityTypeBuilder<SyncLogEntry> entry)
    {
        entry.ToTable("sync_log");
        entry.Property(e => e.Channel).HasMaxLength(20);
        entry.Property(e => e.Message).HasColumnType("text");
        entry.Property(e => e.Subject).HasMaxLength(40);
        entry.HasIndex(e => new { e.Channel, e.StoreId, e.Id });
        entry.HasIndex(e => e.At);
    }
}
