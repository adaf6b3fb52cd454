using ShopFloor.Core.Inventory;

namespace ShopFloor.Tests.Inventory;

public sealed class KitPotentialTests
{
    [Theory] // R-INV-5: min over components of floor(available / quantity per kit); 0 if any is unavailable
    [InlineData(new double[] { 10, 2, 5, 1 }, 5)]
    [InlineData(new double[] { 10, 2, 3, 1 }, 3)]
    [InlineData(new double[] { 7, 2 }, 3)]
    [InlineData(new double[] { 10, 2, 0, 1 }, 0)]
    [InlineData(new double[] { 10, 2, -3, 1 }, 0)]
    [InlineData(new double[] { 1, 0.25 }, 4)]
    public void Potential_is_the_fewest_whole_kits_any_component_allows(double[] pairs, int expected)
    {
        var components = pairs.Chunk(2).Select(p => ((decimal)p[0], (decimal)p[1]));
        Assert.Equal(expected, KitPotential.Of(components));
    }

    [Fact]
    public void A_kit_without_components_has_no_potential() => Assert.Equal(0, KitPotential.Of([]));
}
