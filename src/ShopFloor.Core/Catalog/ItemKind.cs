namespace ShopFloor.Core.Catalog;

/// <summary>R-CAT-1/2: products are sold, materials are bought to make products, services are sold but hold no stock.</summary>
public enum ItemKind
{
    Product,
    Material,
    Service,
}
