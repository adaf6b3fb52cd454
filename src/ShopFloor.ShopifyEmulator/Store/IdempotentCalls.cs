namespace ShopFloor.ShopifyEmulator.Store;

/// <summary>
/// What each mutation run with @idempotent(key:) answered, so a retry with the same key and the same arguments
/// gets the first answer without applying again. Only answers without user errors are kept: a refused call
/// changed nothing, and trying it again with the same key runs it again. Shopify keeps keys for a limited
/// window; the emulator keeps the latest <see cref="Capacity"/> per store, enough for any retry.
/// </summary>
public sealed class IdempotentCalls
{
    public const int Capacity = 10_000;
    private readonly Dictionary<string, (string Arguments, object? Answer)> _answers = [];
    private readonly Queue<string> _order = new();

    public int Count => _answers.Count;

    /// <summary>How many calls were answered from a kept answer instead of running.</summary>
    public int Replays { get; private set; }

    public object? Replay(object? answer)
    {
        Replays++;
        return answer;
    }

    public bool TryGet(string key, out string arguments, out object? answer)
    {
        var found = _answers.TryGetValue(key, out var kept);
        (arguments, answer) = kept;

        return found;
    }

    public void Keep(string key, string arguments, object? answer)
    {
        if (_answers.TryAdd(key, (arguments, answer)))
            _order.Enqueue(key);
        while (_order.Count > Capacity)
            _answers.Remove(_order.Dequeue());
    }
}
