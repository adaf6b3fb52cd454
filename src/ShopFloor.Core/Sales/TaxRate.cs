using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopFloor.Core.Common;

namespace ShopFloor.Core.Sales;

/// <summary>A named tax rate (a percentage) that sales rows, shipping fees and purchase rows refer to.</summary>
public sealed class TaxRate
{
    private TaxRate() { }

    public TaxRate(string? name, decimal rate, DateTime now)
    {
        Rate = Guard.NotNegative(rate, "rate") ?? 0;
        Name = string.IsNullOrWhiteSpace(name) ? $"{rate:0.##}%" : name.Trim();
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public decimal Rate { get; private set; }
    public bool IsDefaultSales { get; set; }
    public bool IsDefaultPurchases { get; set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public string DisplayName => $"{Name} ({Rate:0.##}%)";
}

internal sealed class TaxRateConfiguration : IEntityTypeConfiguration<TaxRate>
{
    public void Configure(EntityTypeBuilder<TaxRate> rate)
    {
        rate.Property(r => r.Name).HasMaxLength(200);
        rate.Ignore(r => r.DisplayName);
    }
}
