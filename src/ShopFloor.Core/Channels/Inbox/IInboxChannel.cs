namespace ShopFloor.Core.Channels.Inbox;

public sealed record DeliveryResult(DeliveryStatus Status, string Outcome, long? StoreId = null);

/// <summary>A sales channel's side of the inbox: what each of its deliveries means, and whom to tell when one is given up.</summary>
public interface IInboxChannel
{
    /// <summary>The channel's name, as stored on its deliveries.</summary>
    string Channel { get; }

    /// <summary>
    /// The resource a delivery leads to reading (an order), or null. Deliveries of one batch naming the same resource
    /// need one read: it sees everything they announce.
    /// </summary>
    string? ResourceOf(InboxDelivery delivery);

    Task<DeliveryResult> HandleAsync(InboxDelivery delivery, CancellationToken ct);

    /// <summary>The delivery failed for good (or needs the merchant): said in the store's sync log.</summary>
    Task GivenUpAsync(InboxDelivery delivery, string message, bool needsAction, CancellationToken ct);
}
