using ShopFloor.Core.Channels;

namespace ShopFloor.Shopify.Fulfillments;

/// <summary>A Shopify order's deliveries go to its store as fulfillments.</summary>
public sealed class ShopifyDeliveryChannel(FulfillmentPush push) : IDeliveryChannel
{
    public string Channel => ShopifyChannel.Name;

    public Task PushAsync(long salesOrderId, CancellationToken ct) => push.PushAsync(salesOrderId, ct);
}
