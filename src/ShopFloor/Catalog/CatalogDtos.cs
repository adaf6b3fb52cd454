using ShopFloor.Core.Catalog;

namespace ShopFloor.Catalog;

public sealed record VariantFields(string? Sku, string? Name, decimal? SalesPrice, decimal? PurchasePrice);

public sealed record CreateItemRequest(
    string? Name, string? Uom, string? CategoryName, bool? IsSellable, bool? IsProducible, bool? IsPurchasable,
    bool? IsKit, string? AdditionalInfo, long? DefaultSupplierId, IReadOnlyList<VariantFields>? Variants);

public sealed record UpdateItemRequest(
    string? Name, string? Uom, string? CategoryName, bool? IsSellable, bool? IsProducible, bool? IsPurchasable,
    bool? IsKit, string? AdditionalInfo, long? DefaultSupplierId, bool? IsArchived);

public sealed record ItemResponse(
    long Id, string Type, string Name, string Uom, string? CategoryName, bool IsSellable, bool IsProducible,
    bool IsPurchasable, bool IsKit, string? AdditionalInfo, long? DefaultSupplierId, DateTime CreatedAt,
    DateTime UpdatedAt, DateTime? ArchivedAt, IReadOnlyList<VariantResponse> Variants)
{
    public static ItemResponse From(Item item) => new(
        item.Id, TypeName(item.Kind), item.Name, item.Uom, item.CategoryName, item.IsSellable, item.IsProducible,
        item.IsPurchasable, item.IsKit, item.AdditionalInfo, item.DefaultSupplierId, item.CreatedAt, item.UpdatedAt,
        item.ArchivedAt, item.Variants.OrderBy(v => v.Id).Select(VariantResponse.From).ToList());

    public static string TypeName(ItemKind kind) => kind.ToString().ToLowerInvariant();
}

public sealed record VariantResponse(
    long Id, string Type, string? Sku, string? Name, decimal? SalesPrice, decimal? PurchasePrice,
    long? ProductId, long? MaterialId, long? ServiceId, DateTime CreatedAt, DateTime UpdatedAt)
{
    /// <summary>Needs <see cref="Variant.Item"/> loaded.</summary>
    public static VariantResponse From(Variant v) => new(
        v.Id, ItemResponse.TypeName(v.Item.Kind), v.Sku, v.Name, v.SalesPrice, v.PurchasePrice,
        v.Item.Kind == ItemKind.Product ? v.ItemId : null,
        v.Item.Kind == ItemKind.Material ? v.ItemId : null,
        v.Item.Kind == ItemKind.Service ? v.ItemId : null,
        v.CreatedAt, v.UpdatedAt);
}
