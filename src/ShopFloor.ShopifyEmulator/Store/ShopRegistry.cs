using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ShopFloor.ShopifyEmulator.Store;

/// <summary>Every store this emulator serves, found by domain or by the access tokens it has granted.</summary>
public sealed class ShopRegistry
{
    private readonly ConcurrentDictionary<string, Shop> _shops = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _clock;

    public ShopRegistry(IOptions<EmulatorOptions> options, TimeProvider clock)
    {
        _clock = clock;
        var settings = options.Value;
        ApiKey = settings.ApiKey ?? Secret(16);
        ApiSecret = settings.ApiSecret ?? Secret(32);
        var shop = Add(settings.ShopDomain);
        DefaultShop = shop;
        shop.AccessTokens.Add(settings.AccessToken ?? "shpat_" + Secret(16));
    }

    /// <summary>One app is installed everywhere: ShopFloor.</summary>
    public string ApiKey { get; }
    public string ApiSecret { get; }
    public Shop DefaultShop { get; }
    public IReadOnlyCollection<Shop> All => _shops.Values.ToList();

    public Shop Add(string domain) =>
        _shops.GetOrAdd(domain, d => new Shop(d, ApiKey, ApiSecret, _clock.GetUtcNow().UtcDateTime));

    public Shop? Find(string? domain) => domain is not null && _shops.TryGetValue(domain, out var shop) ? shop : null;

    public Shop? ByToken(string? token) =>
        string.IsNullOrEmpty(token) ? null : _shops.Values.FirstOrDefault(s => s.AccessTokens.Contains(token));

    public static string Secret(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
