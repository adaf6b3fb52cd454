using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ShopFloor.WooEmulator.Store;

/// <summary>
/// The emulated stores, each a WordPress site of its own under <c>/stores/{name}</c> (so its REST API is at
/// <c>/stores/{name}/wp-json/wc/v3</c>), each with a consumer key and secret of its own.
/// </summary>
public sealed class StoreRegistry
{
    private readonly ConcurrentDictionary<string, WooStore> _stores = new();

    public WooStore Add(Uri baseAddress, string? name = null)
    {
        name ??= $"store{_stores.Count + 1}";
        var store = new WooStore(new Uri(baseAddress, $"stores/{name}").ToString().TrimEnd('/'),
            "ck_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)), "cs_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)));
        _stores[name] = store;
        return store;
    }

    public WooStore? Find(string name) => _stores.GetValueOrDefault(name);
}
