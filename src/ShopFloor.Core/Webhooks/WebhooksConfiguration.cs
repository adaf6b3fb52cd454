using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Webhooks;

internal sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> webhook)
    {
        webhook.ToTable("webhooks");
        webhook.Property(w => w.Url).HasMaxLength(2000);
        webhook.Property(w => w.Token).HasMaxLength(16);
        webhook.Property(w => w.SubscribedEvents).AsJson();
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.ToTable("webhook_deliveries");
        delivery.HasOne<Webhook>().WithMany().HasForeignKey(d => d.WebhookId).OnDelete(DeleteBehavior.Cascade);
        delivery.HasIndex(d => d.NextAttemptAt); // the due ones, claimed by the delivery worker
        delivery.HasIndex(d => new { d.WebhookId, d.CreatedAt });
    }
}
