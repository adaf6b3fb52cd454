using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShopFloor.Core.Channels.Inbox;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Channels.SyncLog;

namespace ShopFloor.Core.Channels;

public static class ChannelSyncRegistration
{
    /// <summary>The sync core every channel adapter shares: the inbox, the sync log, the import jobs, the stock push and the delivery push. Safe to call from each adapter.</summary>
    public static IServiceCollection AddChannelSync(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(WebhookIntake)))
            return services;
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section);
        services.AddScoped<AppAddress>();
        services.AddScoped<StoreCustomers>();
        services.AddScoped<SyncLogWriter>();
        services.AddScoped<SyncLogReader>();
        services.AddSingleton<WebhookIntake>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookIntake>());
        services.AddHostedService<InboxWorker>();
        services.AddOptions<ImportWorkerOptions>().BindConfiguration(ImportWorkerOptions.Section);
        services.AddHostedService<ImportWorker>();
        services.AddScoped<ImportJobs>();
        services.AddHostedService<StockPushWorker>();
        services.AddHostedService<DeliveryPushWorker>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
