using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Inventory;
using ShopFloor.Core.Outbox;

namespace ShopFloor.Core.Channels;

/// <summary>
/// R-SYNC-4: consumes the ledger's inventory.changed events for every sales channel. The first change after a quiet
/// spell goes out at once (a sale elsewhere is off sale in the other stores as soon as possible); the changes of a
/// burst then go out together once per coalescing window, each item with its latest value. The events are done when every channel has the levels; a
/// channel that could not send keeps them for the next round, and the others remember what they already sent.
/// One worker for all channels: the events carry one processed flag, so two consumers would take each other's.
/// </summary>
public sealed class StockPushWorker(IServiceScopeFactory scopes, WorkSignals signals, IOptions<SyncOptions> options, TimeProvider clock, ILogger<StockPushWorker> logger)
    : OutboxWorker(scopes, signals, options, clock, logger)
{
    protected override string Topic => InventoryChanged.Topic;

    protected override int BatchSize => 20_000;

    protected override TimeSpan RoundInterval => Options.StockCoalesceWindow;

    protected override async Task<bool> HandleAsync(IServiceProvider services, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        var moved = messages.Select(InventoryChanged.Parse).Select(e => new StockKey(e.VariantId, e.LocationId)).Distinct().ToList();
        var allDone = true;
        foreach (var channel in services.GetServices<IStockChannel>())
            allDone &= await channel.PushAsync(moved, ct);
        return allDone;
    }
}
