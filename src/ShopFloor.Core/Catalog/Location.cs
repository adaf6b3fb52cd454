using ShopFloor.Core.Common;

namespace ShopFloor.Core.Catalog;

/// <summary>R-LOC-1: a place stock is kept. Only sell-enabled locations can be mapped to a Shopify location.</summary>
public sealed class Location
{
    private Location() { }

    public Location(string name, DateTime now)
    {
        Rename(name);
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? LegalName { get; set; }
    public bool IsPrimary { get; set; }
    public bool SalesAllowed { get; set; } = true;
    public bool PurchaseAllowed { get; set; } = true;
    public bool ManufacturingAllowed { get; set; } = true;
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; set; }

    public void Rename(string name) => Name = Guard.Required(name, "name");
}
