using ShopFloor.Core.Inventory;

namespace ShopFloor.Core.Channels;

/// <summary>A sales channel's side of the stock push: the levels that moved, to send to each of its stores that sells them.</summary>
public interface IStockChannel
{
    string Channel { get; }

    /// <summary>
    /// Sends the current values of the moved levels (read now, never taken from the events) to the channel's stores;
    /// true when every store has them, false to be asked again later.
    /// </summary>
    Task<bool> PushAsync(IReadOnlyList<StockKey> moved, CancellationToken ct);
}
