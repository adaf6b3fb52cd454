using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.Webhooks;

/// <summary>Turns store events into deliveries for every matching subscription and queues them for the sender.</summary>
public sealed class WebhookDispatcher(TimeProvider clock)
{
    private readonly Channel<WebhookDelivery> _queue = Channel.CreateUnbounded<WebhookDelivery>();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<WebhookDelivery>> _held = new();

    public ConcurrentQueue<DeliveryAttempt> Log { get; } = new();
    public ChannelReader<WebhookDelivery> Pending => _queue.Reader;

    /// <summary>An event happened in <paramref name="shop"/>: one delivery per subscription to <paramref name="topic"/>.</summary>
    public void Publish(Shop shop, string topic, object payload)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(payload);
        var eventId = Guid.NewGuid().ToString();
        foreach (var subscription in shop.Webhooks.Where(w => WebhookTopics.ToRest(w.Topic) == topic))
        {
            var delivery = new WebhookDelivery(Guid.NewGuid().ToString(), eventId, topic, shop.Domain, subscription.CallbackUrl, body,
                clock.GetUtcNow().UtcDateTime);
            if (shop.Faults.HoldWebhooks)
                _held.GetOrAdd(shop.Domain, _ => new()).Enqueue(delivery);
            else
                Enqueue(delivery);
        }
    }

    /// <summary>Releases held deliveries newest first: out of order, as Shopify may deliver.</summary>
    public int Release(Shop shop)
    {
        if (!_held.TryRemove(shop.Domain, out var held))
            return 0;
        var deliveries = held.Reverse().ToList();
        deliveries.ForEach(Enqueue);
        return deliveries.Count;
    }

    public void Enqueue(WebhookDelivery delivery) => _queue.Writer.TryWrite(delivery);
}
