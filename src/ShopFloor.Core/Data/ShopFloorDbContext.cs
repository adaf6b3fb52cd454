using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ShopFloor.Core.Access;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Customers;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Outbox;
using ShopFloor.Core.Webhooks;

namespace ShopFloor.Core.Data;

/// <summary>
/// The one context of ShopFloor: a document, its stock changes and its outbox events commit in one transaction.
/// Each database provider has a subclass that owns its migrations (<see cref="SqliteShopFloorDbContext"/>,
/// <see cref="PostgresShopFloorDbContext"/>).
/// </summary>
public abstract class ShopFloorDbContext(DbContextOptions options, IEnumerable<ModelContribution> contributions)
    : IdentityDbContext<ShopFloorUser>(options), IDataProtectionKeyContext
{
    private readonly ModelContribution[] _contributions = contributions.DistinctBy(c => c.ConfigurationsAssembly).ToArray();

    internal string ContributionKey => string.Join(',', _contributions.Select(c => c.ConfigurationsAssembly.GetName().Name).Order());

    public DbSet<Item> Items => Set<Item>();
    public DbSet<Variant> Variants => Set<Variant>();
    public DbSet<BomRow> BomRows => Set<BomRow>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerAddress> CustomerAddresses => Set<CustomerAddress>();
    public DbSet<StockLevel> StockLevels => Set<StockLevel>();
    public DbSet<InventoryMovement> InventoryMovements => Set<InventoryMovement>();
    public DbSet<StockAdjustment> StockAdjustments => Set<StockAdjustment>();
    public DbSet<StockTransfer> StockTransfers => Set<StockTransfer>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>ASP.NET Core's data-protection keys (which encrypt stored access tokens), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Every save also writes the webhook deliveries its changes call for (<see cref="WebhookOutbox"/>).</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        WebhookOutbox.SaveAsync(this, accept => base.SaveChangesAsync(accept, cancellationToken), acceptAllChangesOnSuccess, Clock, cancellationToken);

    private TimeProvider Clock =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(TimeProvider)) as TimeProvider
        ?? TimeProvider.System;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // the sign-in tables (ASP.NET Core Identity)
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ShopFloorDbContext).Assembly);
        modelBuilder.Entity<DataProtectionKey>().Property(k => k.Xml).HasColumnType("text");
        foreach (var contribution in _contributions)
            modelBuilder.ApplyConfigurationsFromAssembly(contribution.ConfigurationsAssembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Quantities and money: exact decimals, six places (fractional units such as 0.125 kg).
        configurationBuilder.Properties<decimal>().HavePrecision(20, 6);
        configurationBuilder.Properties<string>().HaveMaxLength(400);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

public sealed class SqliteShopFloorDbContext(DbContextOptions<SqliteShopFloorDbContext> options, IEnumerable<ModelContribution> contributions)
    : ShopFloorDbContext(options, contributions)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite keeps no time zone; every stored time is UTC, so say so when reading it back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}

public sealed class PostgresShopFloorDbContext(DbContextOptions<PostgresShopFloorDbContext> options, IEnumerable<ModelContribution> contributions)
    : ShopFloorDbContext(options, contributions);

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value, value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
