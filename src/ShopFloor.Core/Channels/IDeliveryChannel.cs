namespace ShopFloor.Core.Channels;

/// <summary>A sales channel's side of R-SYNC-3, ShopFloor → store: an order of its own delivered rows its store lacks.</summary>
public interface IDeliveryChannel
{
    /// <summary>The sales-order source this channel's orders carry.</summary>
    string Channel { get; }

    Task PushAsync(long salesOrderId, CancellationToken ct);
}
