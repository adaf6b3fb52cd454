namespace ShopFloor.Web;

/// <summary>
/// A table's loads, one at a time in the order they were asked for. MudTable shows whichever answer arrives last, so
/// without this a slow read begun before a change can land after the read begun after it, and the page keeps showing
/// the figures from before the change (seen on a loaded machine: the Stock page kept a level from before a transfer).
/// </summary>
public sealed class TableLoads
{
    private Task _last = Task.CompletedTask;

    public Task<T> RunAsync<T>(Func<Task<T>> load)
    {
        var next = AfterAsync(_last, load);
        _last = next;
        return next;
    }

    private static async Task<T> AfterAsync<T>(Task previous, Func<Task<T>> load)
    {
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // a failed or cancelled load is its own caller's
        return await load();
    }
}
