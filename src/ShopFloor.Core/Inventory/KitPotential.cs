namespace ShopFloor.Core.Inventory;

/// <summary>R-INV-5: how many more kits can be assembled from the available stock of their components.</summary>
public static class KitPotential
{
    public static decimal Of(IEnumerable<(decimal Available, decimal PerKit)> components)
    {
        decimal? potential = null;
        foreach (var (available, perKit) in components)
        {
            var kits = available <= 0 || perKit <= 0 ? 0 : decimal.Floor(available / perKit);
            potential = potential is null ? kits : Math.Min(potential.Value, kits);
        }
        return potential ?? 0;
    }
}
