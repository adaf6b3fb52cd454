using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopFloor.Core.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.Property(m => m.Topic).HasMaxLength(100);
        message.Property(m => m.Payload).HasColumnType("text");
        message.Property(m => m.LastError).HasColumnType("text");
        // Workers look for the oldest unprocessed messages of a topic.
        message.HasIndex(m => new { m.Topic, m.ProcessedAt, m.Id });
    }
}
