namespace ShopFloor.ShopifyEmulator.Store;

/// <summary>
/// One emulated store and everything in it. All access goes through <see cref="Gate"/>, one caller at a time,
/// as a store's own consistency would have it.
/// </summary>
public sealed class Shop
{
    // Real Shopify ids are large; starting past 2^53 catches clients that read them as double.
    // One sequence for every emulated store: Shopify's ids are unique across shops, not per shop.
    private static long _nextId = (1L << 53) + 1_000;

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

    /// <summary>Whether the store's prices include tax (Settings → Taxes), as Shop.taxesIncluded says.</summary>
    public bool TaxesIncluded { get; set; }
    public string ApiKey { get; }
    public string ApiSecret { get; }
    public DateTime CreatedAt { get; }
    public bool ConsentGranted { get; set; } = true;
    public Faults Faults { get; } = new();
    public HashSet<string> AccessTokens { get; } = [];
    public Dictionary<string, string> PendingCodes { get; } = [];

    public List<ShopLocation> Locations { get; } = [];
    public List<ShopProduct> Products { get; } = [];
    private readonly List<ShopInventoryLevel> _levels = [];
    private readonly Dictionary<(long Item, long Location), ShopInventoryLevel> _levelIndex = [];
    private readonly Dictionary<long, ShopInventoryItem> _items = [];

    public IReadOnlyList<ShopInventoryLevel> InventoryLevels => _levels;
    public List<WebhookSubscription> Webhooks { get; } = [];
    public List<ShopOrder> Orders { get; } = [];
    public List<ShopCustomer> Customers { get; } = [];
    public List<ShopOrderEdit> OrderEdits { get; } = [];
    public List<ShopReturn> Returns { get; } = [];
    public int NextOrderNumber { get; set; } = 1001;
    public IdempotentCalls IdempotentCalls { get; } = new();

    public long NextId() => Interlocked.Increment(ref _nextId);

    public IEnumerable<ShopVariant> Variants => Products.SelectMany(p => p.Variants);

    public ShopInventoryLevel? Level(long itemId, long locationId) => _levelIndex.GetValueOrDefault((itemId, locationId));

    public ShopInventoryItem? Item(long itemId) => _items.GetValueOrDefault(itemId);

    public void RemoveVariantStock(ShopVariant variant)
    {
        _levels.RemoveAll(l => l.Item == variant.InventoryItem);
        foreach (var key in _levelIndex.Keys.Where(k => k.Item == variant.InventoryItem.Id).ToList())
            _levelIndex.Remove(key);
        _items.Remove(variant.InventoryItem.Id);
    }

    private void Stock(ShopInventoryItem item, ShopLocation location, DateTime now)
    {
        var level = new ShopInventoryLevel { Item = item, Location = location, UpdatedAt = now };
        _levels.Add(level);
        _levelIndex[(item.Id, location.Id)] = level;
    }

    public ShopLocation AddLocation(string name, DateTime now)
    {
        var location = new ShopLocation { Id = NextId(), Name = name, CreatedAt = now, UpdatedAt = now };
        Locations.Add(location);
        // Every existing item becomes stocked at the new location, with nothing there, as in a new store.
        foreach (var variant in Variants)
            Stock(variant.InventoryItem, location, now);
        return location;
    }

    /// <summary>A deleted location takes its (empty) inventory levels with it.</summary>
    public void RemoveLocation(ShopLocation location)
    {
        Locations.Remove(location);
        _levels.RemoveAll(l => l.Location == location);
        foreach (var key in _levelIndex.Keys.Where(k => k.Location == location.Id).ToList())
            _levelIndex.Remove(key);
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
        _items[item.Id] = item;
        foreach (var location in Locations)
            Stock(item, location, now);
        return variant;
    }
}
