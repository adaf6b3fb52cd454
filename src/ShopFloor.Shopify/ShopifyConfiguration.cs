using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Customers;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Jobs;
using ShopFloor.Shopify.Mapping;

namespace ShopFloor.Shopify;

internal sealed class ShopifyStoreConfiguration : IEntityTypeConfiguration<ShopifyStore>
{
    public void Configure(EntityTypeBuilder<ShopifyStore> store)
    {
        store.ToTable("shopify_stores");
        store.HasIndex(s => s.ShopDomain).IsUnique();
        store.Property(s => s.EncryptedAccessToken).HasColumnType("text");
        store.Property(s => s.Settings).AsJson();
        store.Property(s => s.StagedSettings).HasConversion(
            v => v == null ? null : JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => v == null ? null : JsonSerializer.Deserialize<StoreSettings>(v, JsonSerializerOptions.Web)).HasColumnType("text");
        store.Ignore(s => s.IsAuthorized);
    }
}

internal sealed class ShopifyLocationConfiguration : IEntityTypeConfiguration<ShopifyLocation>
{
    public void Configure(EntityTypeBuilder<ShopifyLocation> location)
    {
        location.ToTable("shopify_locations");
        location.HasOne<ShopifyStore>().WithMany().HasForeignKey(l => l.StoreId).OnDelete(DeleteBehavior.Cascade);
        location.HasOne<Location>().WithMany().HasForeignKey(l => l.LocationId).OnDelete(DeleteBehavior.SetNull);
        location.HasIndex(l => new { l.StoreId, l.ShopifyLocationId }).IsUnique();
    }
}

internal sealed class CustomerLinkConfiguration : IEntityTypeConfiguration<CustomerLink>
{
    public void Configure(EntityTypeBuilder<CustomerLink> link)
    {
        link.ToTable("shopify_customer_links");
        link.HasOne<ShopifyStore>().WithMany().HasForeignKey(l => l.StoreId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne<Customer>().WithMany().HasForeignKey(l => l.CustomerId).OnDelete(DeleteBehavior.Cascade);
        link.HasIndex(l => new { l.StoreId, l.ShopifyCustomerId }).IsUnique();
    }
}

internal sealed class PushedLevelConfiguration : IEntityTypeConfiguration<Stock.PushedLevel>
{
    public void Configure(EntityTypeBuilder<Stock.PushedLevel> level)
    {
        level.ToTable("shopify_pushed_levels");
        level.HasOne<ShopifyStore>().WithMany().HasForeignKey(l => l.StoreId).OnDelete(DeleteBehavior.Cascade);
        level.HasIndex(l => new { l.StoreId, l.InventoryItemId, l.ShopifyLocationId }).IsUnique();
    }
}

internal sealed class UsedInstallStateConfiguration : IEntityTypeConfiguration<UsedInstallState>
{
    public void Configure(EntityTypeBuilder<UsedInstallState> state)
    {
        state.ToTable("shopify_used_install_states");
        state.Property(s => s.Nonce).HasMaxLength(64);
        state.HasIndex(s => s.Nonce).IsUnique();
    }
}
