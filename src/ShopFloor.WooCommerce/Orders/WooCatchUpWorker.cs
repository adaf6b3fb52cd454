using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Channels;

namespace ShopFloor.WooCommerce.Orders;

/// <summary>Looks for due WooCommerce catch-ups now and then (a tenth of the interval, at most a minute apart).</summary>
public sealed class WooCatchUpWorker(IServiceScopeFactory scopes, IOptions<SyncOptions> options, TimeProvider clock, ILogger<WooCatchUpWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tick = TimeSpan.FromTicks(Math.Clamp(options.Value.CatchUpInterval.Ticks / 10, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromMinutes(1).Ticks));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WooCatchUp>().RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The WooCommerce order catch-up failed; it runs again at its next turn");
            }
            await Task.Delay(tick, clock, stoppingToken);
        }
    }
}
