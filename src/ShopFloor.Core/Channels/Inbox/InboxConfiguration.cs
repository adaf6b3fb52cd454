using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopFloor.Core.Channels.Inbox;

internal sealed class InboxConfiguration : IEntityTypeConfiguration<InboxDelivery>
{
    public void Configure(EntityTypeBuilder<InboxDelivery> delivery)
    {
        delivery.ToTable("webhook_inbox");
        delivery.HasIndex(d => new { d.Channel, d.WebhookId }).IsUnique();
        delivery.Property(d => d.Channel).HasMaxLength(20);
        delivery.Property(d => d.WebhookId).HasMaxLength(100);
        delivery.Property(d => d.StoreKey).HasMaxLength(400);
        delivery.Property(d => d.Topic).HasMaxLength(100);
        delivery.Property(d => d.Body).HasColumnType("text");
        delivery.Property(d => d.Outcome).HasColumnType("text");
        delivery.HasIndex(d => new { d.Status, d.NextAttemptAt, d.Id });
    }
}
