using System.Collections.Concurrent;

namespace ShopFloor.ShopifyEmulator.RateLimits;

public sealed record ThrottleStatus(double MaximumAvailable, double CurrentlyAvailable, double RestoreRate);

public sealed record OperationPoints(long Calls, long Points);

/// <summary>Points per app and store, restored continuously at the restore rate up to the bucket's size.</summary>
public sealed class LeakyBucket(int size, int restoreRate, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private double _available = size;
    private long _stamp = clock.GetTimestamp();

    public int Size { get; set; } = size;
    public int RestoreRate { get; set; } = restoreRate;

    /// <summary>Every point charged so far, for benchmarks.</summary>
    public long Taken { get; private set; }

    /// <summary>Calls and actual points per operation name, for benchmarks that ask where a store's points went.</summary>
    public ConcurrentDictionary<string, OperationPoints> ByOperation { get; } = new();

    public void Record(string? operationName, int actualCost) =>
        ByOperation.AddOrUpdate(operationName ?? "(anonymous)", _ => new OperationPoints(1, actualCost),
            (_, sum) => new OperationPoints(sum.Calls + 1, sum.Points + actualCost));

    /// <summary>Takes <paramref name="cost"/> points if the bucket holds them; says either way what is left.</summary>
    public (bool Taken, ThrottleStatus Status) TryTake(int cost)
    {
        lock (_gate)
        {
            Refill();
            var taken = cost <= _available;
            if (taken)
            {
                _available -= cost;
                Taken += cost;
            }
            return (taken, new ThrottleStatus(Size, Math.Floor(_available), RestoreRate));
        }
    }

    /// <summary>Gives back what a query was charged beyond its actual cost.</summary>
    public ThrottleStatus Refund(int points)
    {
        lock (_gate)
        {
            Refill();
            _available = Math.Min(Size, _available + points);
            return new ThrottleStatus(Size, Math.Floor(_available), RestoreRate);
        }
    }

    private void Refill()
    {
        var now = clock.GetTimestamp();
        _available = Math.Min(Size, _available + clock.GetElapsedTime(_stamp, now).TotalSeconds * RestoreRate);
        _stamp = now;
    }
}
