using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.RateLimits;

/// <summary>One leaky bucket per app and store (one app here, so per store).</summary>
public sealed class Buckets(IOptions<EmulatorOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, LeakyBucket> _buckets = new();

    public LeakyBucket For(Shop shop) =>
        _buckets.GetOrAdd(shop.Domain, _ => new LeakyBucket(options.Value.BucketSize, options.Value.RestoreRate, clock));
}
