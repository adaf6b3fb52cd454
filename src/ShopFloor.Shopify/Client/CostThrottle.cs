using System.Collections.Concurrent;

namespace ShopFloor.Shopify.Client;

/// <summary>
/// Shopify's leaky bucket as the client last saw it, per store: every answer reports maximumAvailable,
/// currentlyAvailable and restoreRate. A call waits until the bucket should hold its expected cost, so the
/// client is rarely throttled instead of often.
/// </summary>
public sealed class CostThrottle(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new();

    public async Task WaitForAsync(string shop, int cost, CancellationToken ct)
    {
        var bucket = _buckets.GetOrAdd(shop, _ => new Bucket());
        await bucket.Gate.WaitAsync(ct);
        try
        {
            if (bucket.RestoreRate <= 0)
                return; // nothing seen yet
            var available = Estimate(bucket);
            if (available < cost)
                await Task.Delay(TimeSpan.FromSeconds((cost - available) / bucket.RestoreRate), clock, ct);
            bucket.Available = Estimate(bucket) - cost;
            bucket.Seen = clock.GetTimestamp();
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    public void Observe(string shop, double maximum, double available, double restoreRate)
    {
        var bucket = _buckets.GetOrAdd(shop, _ => new Bucket());
        (bucket.Maximum, bucket.Available, bucket.RestoreRate, bucket.Seen) = (maximum, available, restoreRate, clock.GetTimestamp());
    }

    /// <summary>How long until <paramref name="cost"/> points are back, after a THROTTLED answer.</summary>
    public TimeSpan WaitAfterThrottled(string shop, int cost) =>
        _buckets.TryGetValue(shop, out var b) && b.RestoreRate > 0
            ? TimeSpan.FromSeconds(Math.Max(0.05, (cost - b.Available) / b.RestoreRate))
            : TimeSpan.FromSeconds(1);

    private double Estimate(Bucket b) => Math.Min(b.Maximum, b.Available + clock.GetElapsedTime(b.Seen).TotalSeconds * b.RestoreRate);

    private sealed class Bucket
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public double Maximum { get; set; }
        public double Available { get; set; }
        public double RestoreRate { get; set; }
        public long Seen { get; set; }
    }
}
