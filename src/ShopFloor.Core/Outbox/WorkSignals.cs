using System.Collections.Concurrent;

namespace ShopFloor.Core.Outbox;

/// <summary>
/// Wakes this instance's worker for a kind of work (an outbox topic, the webhook inbox) as soon as some is committed,
/// instead of at its next poll: a sale's stock reaches the other stores that much sooner. Other instances still find
/// the work by polling, so a missed signal only costs the poll interval.
/// </summary>
public sealed class WorkSignals
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _signals = new();

    public void Raise(string kind)
    {
        var signal = Of(kind);
        lock (signal)
            if (signal.CurrentCount == 0)
                signal.Release();
    }

    /// <summary>Waits for <paramref name="timeout"/> (on <paramref name="clock"/>), or less when the work is signalled.</summary>
    public async Task WaitAsync(string kind, TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(timeout, clock, either.Token);
        var signalled = Of(kind).WaitAsync(either.Token);
        await Task.WhenAny(delay, signalled);
        await either.CancelAsync();
        ct.ThrowIfCancellationRequested();
        // The loser was cancelled: a signal not taken stays for the next wait.
        await Task.WhenAll(delay, signalled).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private SemaphoreSlim Of(string kind) => _signals.GetOrAdd(kind, _ => new SemaphoreSlim(0, 1));
}
