using ShopFloor.WooEmulator.Webhooks;

namespace ShopFloor.WooEmulator.Store;

/// <summary>
/// One emulated WooCommerce store: its catalogue, orders, REST API keys and webhooks. Every change holds
/// <see cref="Gate"/>, as a request to a real store is one PHP request at a time per row.
/// </summary>
public sealed class WooStore(string url, string consumerKey, string consumerSecret)
{
    private long _nextId = 100;
    private readonly List<(long Id, string Key, string Secret, string Scope)> _grantedKeys = [];

    public string Url { get; } = url;
    public string ConsumerKey { get; } = consumerKey;
    public string ConsumerSecret { get; } = consumerSecret;
    public SemaphoreSlim Gate { get; } = new(1, 1);
    public List<WooProduct> Products { get; } = [];
    public List<WooOrder> Orders { get; } = [];
    public List<WooWebhook> Webhooks { get; } = [];
    public List<WooCustomer> Customers { get; } = [];

    public long NextId() => Interlocked.Increment(ref _nextId);

    /// <summary>A key pair made by the auth endpoint for an app (the store's own pair stays valid too).</summary>
    public (long Id, string Key, string Secret) GrantKey(string scope)
    {
        var granted = (NextId(), "ck_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)),
            "cs_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20)), scope);
        lock (_grantedKeys)
            _grantedKeys.Add(granted);
        return (granted.Item1, granted.Item2, granted.Item3);
    }

    /// <summary>The secret of a key the auth endpoint granted, or null.</summary>
    public string? GrantedSecret(string key)
    {
        lock (_grantedKeys)
            return _grantedKeys.FirstOrDefault(k => k.Key == key).Secret;
    }

    public IEnumerable<WooVariation> Variations => Products.SelectMany(p => p.Variations);

    public WooProduct AddProduct(string name, string sku, decimal price, int? stock, DateTime now)
    {
        var product = new WooProduct(NextId(), name, now) { Sku = sku, Price = price, StockQuantity = stock, ManageStock = stock is not null };
        Products.Add(product);
        return product;
    }

    public WooVariation AddVariation(WooProduct product, string description, string sku, decimal price, int? stock, DateTime now)
    {
        var variation = new WooVariation(NextId(), product, now) { Description = description, Sku = sku, Price = price, StockQuantity = stock, ManageStock = stock is not null };
        product.Variations.Add(variation);
        return variation;
    }

    /// <summary>A shopper who made an account (a registered customer, role customer).</summary>
    public WooCustomer AddCustomer(string email, string firstName, string lastName, DateTime now)
    {
        var customer = new WooCustomer(NextId(), email, firstName, lastName, now);
        Customers.Add(customer);
        return customer;
    }
}
