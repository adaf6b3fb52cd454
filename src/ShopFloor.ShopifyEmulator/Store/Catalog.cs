namespace ShopFloor.ShopifyEmulator.Store;

public sealed class ShopLocation
{
    public required long Id { get; init; }
    public required string Name { get; set; }
    public bool IsActive { get; set; } = true;
    public bool FulfillsOnlineOrders { get; set; } = true;
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class ShopProduct
{
    public required long Id { get; init; }
    public required string Title { get; set; }
    public string Handle { get; set; } = "";
    public string Status { get; set; } = "ACTIVE";
    public string? Vendor { get; set; }
    public string? ProductType { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public List<ShopVariant> Variants { get; } = [];
}

public sealed class ShopVariant
{
    public required long Id { get; init; }
    public required ShopProduct Product { get; init; }
    public required ShopInventoryItem InventoryItem { get; init; }
    public string Title { get; set; } = "Default Title";
    public string? Sku { get; set; }
    public decimal Price { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class ShopInventoryItem
{
    public required long Id { get; init; }
    public bool Tracked { get; set; } = true;
    public decimal? Cost { get; set; }
    public ShopVariant? Variant { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Stock of one item at one location; setting available moves on hand by the same amount.</summary>
public sealed class ShopInventoryLevel
{
    public required ShopInventoryItem Item { get; init; }
    public required ShopLocation Location { get; init; }
    public long Available { get; set; }
    public long Committed { get; set; }
    public long OnHand => Available + Committed;
    public DateTime UpdatedAt { get; set; }
}

public sealed class WebhookSubscription
{
    public required long Id { get; init; }
    public required string Topic { get; init; }
    public required string CallbackUrl { get; init; }
    public DateTime CreatedAt { get; init; }
}
