using ShopFloor.Core.Common;

namespace ShopFloor.Core.Catalog;

/// <summary>A product, material or service (R-CAT-1..3); stock is kept per <see cref="Variant"/>.</summary>
public sealed class Item
{
    private readonly List<Variant> _variants = [];

    private Item() { }

    public Item(ItemKind kind, string name, DateTime now)
    {
        Kind = kind;
        Name = Guard.Required(name, "name");
        CreatedAt = UpdatedAt = now;
        IsSellable = kind != ItemKind.Material;
        IsPurchasable = kind == ItemKind.Material;
    }

    public long Id { get; private set; }
    public ItemKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string Uom { get; set; } = "pcs";
    public string? CategoryName { get; set; }
    public string? AdditionalInfo { get; set; }
    public bool IsSellable { get; set; }
    public bool IsProducible { get; set; }
    public bool IsPurchasable { get; set; }
    public long? DefaultSupplierId { get; set; }

    /// <summary>R-CAT-3: a kit / bundle is sold as one unit and synced with its potential stock.</summary>
    public bool IsKit { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? ArchivedAt { get; set; }
    public IReadOnlyList<Variant> Variants => _variants;

    /// <summary>R-CAT-2: services are non-physical: sold, but no stock is tracked or synced.</summary>
    public bool TracksStock => Kind != ItemKind.Service;

    public void Rename(string name) => Name = Guard.Required(name, "name");

    public void MarkKit(bool isKit)
    {
        if (isKit && Kind != ItemKind.Product)
            throw new ValidationFailedException("is_kit", "only products can be kits");
        IsKit = isKit;
    }

    public Variant AddVariant(string? sku, DateTime now)
    {
        var variant = new Variant(this, sku, now);
        _variants.Add(variant);
        return variant;
    }

    public void Touch(DateTime now) => UpdatedAt = now;
}
