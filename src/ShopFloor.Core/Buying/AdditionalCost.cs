using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopFloor.Core.Common;

namespace ShopFloor.Core.Buying;

/// <summary>A kind of cost on top of what the goods cost (shipping, duty…), named once and used on purchase orders.</summary>
public sealed class AdditionalCost
{
    private AdditionalCost() { }

    public AdditionalCost(string name, DateTime now)
    {
        Name = Guard.Required(name, "name");
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
}

internal sealed class AdditionalCostConfiguration : IEntityTypeConfiguration<AdditionalCost>
{
    private static readonly DateTime Seeded = new(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);

    public void Configure(EntityTypeBuilder<AdditionalCost> cost)
    {
        cost.ToTable("additional_costs");
        cost.Property(c => c.Name).HasMaxLength(200);
        cost.HasIndex(c => c.Name).IsUnique();
        // The kinds every workshop has, so a purchase order can carry its freight from the first day.
        cost.HasData(
            new { Id = 1L, Name = "Shipping", CreatedAt = Seeded, UpdatedAt = Seeded },
            new { Id = 2L, Name = "Customs duty", CreatedAt = Seeded, UpdatedAt = Seeded },
            new { Id = 3L, Name = "Handling", CreatedAt = Seeded, UpdatedAt = Seeded });
    }
}
