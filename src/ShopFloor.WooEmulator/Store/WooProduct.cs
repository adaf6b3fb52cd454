namespace ShopFloor.WooEmulator.Store;

/// <summary>
/// A product, simple or variable. A simple product carries its own SKU and stock; a variable one sells through its
/// variations, each with a SKU and stock of its own (WooCommerce has no locations: one stock figure per SKU).
/// </summary>
public sealed class WooProduct(long id, string name, DateTime now)
{
    public long Id { get; } = id;
    public string Name { get; set; } = name;
    public string Type => Variations.Count > 0 ? "variable" : "simple";
    public string Sku { get; set; } = "";
    public decimal Price { get; set; }
    public bool ManageStock { get; set; } = true;
    public int? StockQuantity { get; set; }
    public List<WooVariation> Variations { get; } = [];
    public DateTime CreatedAt { get; } = now;
    public DateTime ModifiedAt { get; set; } = now;
}

public sealed class WooVariation(long id, WooProduct parent, DateTime now)
{
    public long Id { get; } = id;
    public WooProduct Parent { get; } = parent;
    public string Sku { get; set; } = "";
    public string Description { get; set; } = "";
    public decimal Price { get; set; }
    public bool ManageStock { get; set; } = true;
    public int? StockQuantity { get; set; }
    public DateTime CreatedAt { get; } = now;
    public DateTime ModifiedAt { get; set; } = now;
}
