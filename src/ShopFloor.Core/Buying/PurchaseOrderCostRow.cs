using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ShopFloor.Core.Sales;

namespace ShopFloor.Core.Buying;

/// <summary>How an additional cost reaches the goods' value: spread over the rows by their value, or kept apart.</summary>
public enum CostDistribution
{
    ByValue,
    NonDistributed,
}

/// <summary>An additional cost on a purchase order (Katana's po_additional_cost_rows; its group is the order).</summary>
public sealed class PurchaseOrderCostRow
{
    private PurchaseOrderCostRow() { }

    internal PurchaseOrderCostRow(long additionalCostId, long taxRateId, decimal price, CostDistribution distribution, DateTime now)
    {
        AdditionalCostId = additionalCostId;
        TaxRateId = taxRateId;
        Price = price;
        Distribution = distribution;
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public long PurchaseOrderId { get; private set; }
    public long AdditionalCostId { get; internal set; }
    public long TaxRateId { get; internal set; }
    public decimal Price { get; internal set; }
    public CostDistribution Distribution { get; internal set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; internal set; }
}

internal sealed class PurchaseOrderCostRowConfiguration : IEntityTypeConfiguration<PurchaseOrderCostRow>
{
    public void Configure(EntityTypeBuilder<PurchaseOrderCostRow> row)
    {
        row.ToTable("purchase_order_cost_rows");
        row.HasOne<AdditionalCost>().WithMany().HasForeignKey(r => r.AdditionalCostId).OnDelete(DeleteBehavior.Restrict);
        row.HasOne<TaxRate>().WithMany().HasForeignKey(r => r.TaxRateId).OnDelete(DeleteBehavior.Restrict);
    }
}
