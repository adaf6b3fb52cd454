using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Data;
using ShopFloor.Core.Outbox;
using ShopFloor.Core.Sales;

namespace ShopFloor.Core.Channels;

/// <summary>Consumes sales_order.delivered events: each order's new deliveries go to its store, through its channel.</summary>
public sealed class DeliveryPushWorker(IServiceScopeFactory scopes, WorkSignals signals, IOptions<SyncOptions> options, TimeProvider clock, ILogger<DeliveryPushWorker> logger)
    : OutboxWorker(scopes, signals, options, clock, logger)
{
    protected override string Topic => SalesOrderDelivered.Topic;

    protected override int BatchSize => 50;

    protected override async Task<bool> HandleAsync(IServiceProvider services, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        var ids = messages.Select(m => SalesOrderDelivered.Parse(m).SalesOrderId).Distinct().ToList();
        var sources = await services.GetRequiredService<ShopFloorDbContext>().Set<SalesOrder>().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Source, ct);
        var channels = services.GetServices<IDeliveryChannel>().ToDictionary(c => c.Channel);
        foreach (var id in ids)
            if (sources.TryGetValue(id, out var source) && channels.TryGetValue(source, out var channel))
                await channel.PushAsync(id, ct);
        return true;
    }
}
