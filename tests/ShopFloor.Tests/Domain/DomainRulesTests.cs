using ShopFloor.Core.Buying;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Making;
using ShopFloor.Core.Sales;

namespace ShopFloor.Tests.Domain;

/// <summary>#18: the rules that decide stock, checked on the documents themselves — no database, no host.</summary>
public sealed class DomainRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    [Fact] // R-INV-1: a change is applied as the difference of footprints, so a change and its reversal cancel exactly
    public void A_footprint_difference_is_exact_both_ways()
    {
        var cause = new MovementCause(MovementResourceType.PurchaseOrderRow, 7, 1, "PO-1", 2m);
        StockChange[] before = [new(1, 10, InStock: 0, Expected: 10, Cause: cause)];
        StockChange[] after = [new(1, 10, InStock: 4, Expected: 6, Cause: cause)];

        var forward = Assert.Single(StockFootprint.Diff(before, after));
        Assert.Equal((4m, -4m, 0m), (forward.InStock, forward.Expected, forward.Committed));
        var back = Assert.Single(StockFootprint.Diff(after, before));
        Assert.Equal((-4m, 4m), (back.InStock, back.Expected));
        Assert.Empty(StockFootprint.Diff(after, after));
    }

    [Theory] // R-INV-5: min over components of floor(available ÷ per kit), 0 when any component is short
    [InlineData(10, 2, 7, 3, 2)]
    [InlineData(10, 2, 0, 3, 0)]
    [InlineData(-4, 2, 9, 3, 0)]
    [InlineData(5, 2.5, 9, 1, 2)]
    public void A_kits_potential_is_set_by_its_scarcest_component(decimal a, decimal perA, decimal b, decimal perB, decimal expected) =>
        Assert.Equal(expected, KitPotential.Of([(a, perA), (b, perB)]));

    [Fact] // R-SO-3: an order reads as its worst row; rows without stock do not count
    public void An_orders_availability_is_its_worst_rows()
    {
        Assert.Equal(RowAvailability.NotAvailable, OrderAvailability.Of([RowAvailability.InStock, RowAvailability.NotAvailable, RowAvailability.Expected]));
        Assert.Equal(RowAvailability.Expected, OrderAvailability.Of([RowAvailability.InStock, RowAvailability.Expected, RowAvailability.NotApplicable]));
        Assert.Equal(RowAvailability.Picked, OrderAvailability.Of([RowAvailability.Picked, RowAvailability.NotApplicable]));
        Assert.Equal(RowAvailability.NotApplicable, OrderAvailability.Of([RowAvailability.NotApplicable]));
    }

    [Fact] // R-PO-1, #16: freight spread by value; by quantity when every row is free; kept-apart costs change nothing
    public void Landed_cost_spreads_freight_over_the_rows()
    {
        var order = new PurchaseOrder("PO-1", 1, 1, Now);
        var cheap = order.AddRow(1, 10, 2);
        var dear = order.AddRow(2, 5, 4);
        order.AddCost(1, 1, 100, CostDistribution.NonDistributed, Now);
        Assert.Equal(2m, order.LandedCost(cheap));
        order.AddCost(1, 1, 8, CostDistribution.ByValue, Now);
        Assert.Equal((2.4m, 4.8m), (order.LandedCost(cheap), order.LandedCost(dear)));

        var free = new PurchaseOrder("PO-2", 1, 1, Now);
        var sample = free.AddRow(1, 4, 0);
        free.AddCost(1, 1, 2, CostDistribution.ByValue, Now);
        Assert.Equal(0.5m, free.LandedCost(sample));
    }

    [Fact] // R-ADJ-1, #16: a stocktake corrects to the counts against what is in stock when it completes
    public void A_stocktake_corrects_only_what_was_counted_unless_told_otherwise()
    {
        var stocktake = new Stocktake("STK-1", 1, Now, Now);
        stocktake.AddRow(1, inStock: 100, counted: 96, notes: null, Now);
        stocktake.AddRow(2, inStock: 8, counted: null, notes: null, Now);
        var corrections = stocktake.Complete(new Dictionary<long, decimal> { [1] = 90, [2] = 8 }, Now);
        Assert.Equal([(1L, 6m)], corrections); // 90 by then, 96 counted
        Assert.Equal(StocktakeStatus.Completed, stocktake.Status);
        Assert.Throws<Core.Common.DomainException>(() => stocktake.MoveTo(StocktakeStatus.InProgress, Now));

        var remaining = new Stocktake("STK-2", 1, Now, Now);
        remaining.Change(null, null, null, null, null, setRemaining: true, Now);
        remaining.AddRow(3, inStock: 5, counted: null, notes: null, Now);
        Assert.Empty(remaining.Complete(new Dictionary<long, decimal> { [3] = 5 }, Now));
        Assert.Equal(5m, remaining.Rows[0].CountedQuantity);
    }

    [Fact] // R-MO-1: an open order commits what remains and expects its output; DONE produces the rest
    public void A_manufacturing_orders_footprint_follows_its_productions()
    {
        var order = new ManufacturingOrder("MO-1", variantId: 1, locationId: 9, quantity: 3, recipe: [(2, 4m)], Now);
        Assert.Equal([(2L, 12m)], order.Footprint().Where(c => c.Committed != 0).Select(c => (c.VariantId, c.Committed)));
        Assert.Equal(3m, order.Footprint().Single(c => c.Expected != 0).Expected);

        order.Produce(1, completion: false, Now);
        Assert.Equal(8m, order.Footprint().Single(c => c.Committed != 0).Committed);
        Assert.Equal(-4m, order.Footprint().Single(c => c.VariantId == 2 && c.InStock != 0).InStock);

        order.SetStatus(ManufacturingStatus.Done, Now);
        Assert.Equal(ManufacturingStatus.Done, order.Status);
        Assert.DoesNotContain(order.Footprint(), c => c.Committed != 0 || c.Expected != 0);
        Assert.Equal(3m, order.Footprint().Where(c => c.VariantId == 1).Sum(c => c.InStock));
        Assert.Throws<Core.Common.DomainException>(() => order.AddRecipeRow(5, 1, null, Now)); // made with the recipe it had
    }
}
