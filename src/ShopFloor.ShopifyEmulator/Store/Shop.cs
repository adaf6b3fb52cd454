namespace ShopFloor.ShopifyEmulator.Store;

/// <summary>
/// One emulated store and everything in it. All access goes through <see cref="Gate"/>, one caller at a time,
/// as a store's own consistency would have it.
/// </summary>
public sealed class Shop
{
    // Real Shopify ids are large; starting past 2^53 catches clients that read them as double.
    private long _nextId = (1L << 53) + 1_000;

    public Shop(string domain, string apiKey, string apiSecret, DateTime now)
    {
        Domain = domain;
        ApiKey = apiKey;
        ApiSecret = apiSecret;
        CreatedAt = now;
    }

    public SemaphoreSlim Gate { get; } = new(1, 1);
    public string Domain { get; }
    public string Name { get; set; } = "Emulated store";
    public string Currency { get; set; } = "USD";
    public string ApiKey { get; }
    public string ApiSecret { get; }
    public DateTime CreatedAt { get; }
    public bool ConsentGranted { get; set; } = true;
    public Faults Faults { get; } = new();
    public HashSet<string> AccessTokens { get; } = [];
    public Dictionary<string, string> PendingCodes { get; } = [];

    public List<ShopLocation> Locations { get; } = [];
    public List<ShopProduct> Products { get; } = [];
    public List<ShopInventoryLevel> InventoryLevels { get; } = [];
    public List<WebhookSubscription> Webhooks { get; } = [];
    public List<ShopOrder> Orders { get; } = [];
    public List<ShopCustomer> Customers { get; } = [];
    public List<ShopOrderEdit> OrderEdits { get; } = [];
    public List<ShopReturn> Returns { get; } = [];
    public int NextOrderNumber { get; set; } = 1001;

    public long NextId() => Interlocked.Increment(ref _nextId);

    public IEnumerable<ShopVariant> Variants => Products.SelectMany(p => p.Variants);

    public ShopInventoryLevel? Level(long itemId, long locationId) =>
        InventoryLevels.FirstOrDefault(l => l.Item.Id == itemId && l.Location.Id == locationId);

    public ShopLocation AddLocation(string name, DateTime now)
    {
        var location = new ShopLocation { Id = NextId(), Name = name, CreatedAt = now };
        Locations.Add(location);
        // Every existing item becomes stocked at the new location, with nothing there, as in a new store.
        foreach (var variant in Variants)
            InventoryLevels.Add(new ShopInventoryLevel { Item = variant.InventoryItem, Location = location, UpdatedAt = now });
        return location;
    }

    public ShopVariant AddVariant(ShopProduct product, string? sku, decimal price, string? title, DateTime now)
    {
        var item = new ShopInventoryItem { Id = NextId(), CreatedAt = now, UpdatedAt = now };
        var variant = new ShopVariant
        {
            Id = NextId(), Product = product, InventoryItem = item, Sku = sku, Price = price,
            Title = title ?? "Default Title", CreatedAt = now, UpdatedAt = now,
        };
        item.Variant = variant;
        product.Variants.Add(variant);
        foreach (var location in Locations)
            InventoryLevels.Add(new ShopInventoryLevel { Item = item, Location = location, UpdatedAt = now });
        return variant;
    }
}
