using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Outbox;
using ShopFloor.Shopify.Outbox;

namespace ShopFloor.Shopify.Fulfillments;

/// <summary>Consumes sales_order.delivered events: each order's new deliveries go to its store.</summary>
public sealed class FulfillmentPushWorker(IServiceScopeFactory scopes, IOptions<SyncOptions> options, TimeProvider clock, ILogger<FulfillmentPushWorker> logger)
    : OutboxWorker(scopes, options, clock, logger)
{
    protected override string Topic => SalesOrderDelivered.Topic;

    protected override int BatchSize => 50;

    protected override async Task<bool> HandleAsync(IServiceProvider services, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        var push = services.GetRequiredService<FulfillmentPush>();
        foreach (var orderId in messages.Select(m => SalesOrderDelivered.Parse(m).SalesOrderId).Distinct())
            await push.PushAsync(orderId, ct);
        return true;
    }
}
