using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.Inbox;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Fulfillments;
using ShopFloor.Shopify.Jobs;
using ShopFloor.Shopify.Mapping;
using ShopFloor.Shopify.Orders;
using ShopFloor.Shopify.Returns;
using ShopFloor.Shopify.Stock;
using ShopFloor.Shopify.Sync;
using ShopFloor.Shopify.Webhooks;

namespace ShopFloor.Shopify;

public static class ShopifyRegistration
{
    public static IServiceCollection AddShopifyIntegration(this IServiceCollection services)
    {
        services.AddSingleton(new ModelContribution(typeof(ShopifyRegistration).Assembly));
        services.AddOptions<ShopifyOptions>().BindConfiguration(ShopifyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddChannelSync();
        services.AddSingleton<CostThrottle>();
        services.AddHttpClient<ShopifyAdminClient>()
            .AddResilienceHandler("shopify", (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<ShopifyOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 5,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                    // Transient faults (429 honouring Retry-After, 5xx, timeouts), and only for operations safe to repeat.
                    ShouldHandle = args => ValueTask.FromResult(
                        HttpClientResiliencePredicates.IsTransient(args.Outcome)
                        && args.Context.GetRequestMessage()?.Options.TryGetValue(ShopifyAdminClient.IdempotentKey, out var idempotent) == true
                        && idempotent),
                });
                pipeline.AddTimeout(settings.RequestTimeout);
            });
        services.AddHttpClient(nameof(StoreConnections));
        services.AddHttpClient(nameof(BulkQueries)).AddStandardResilienceHandler();
        services.AddScoped<BulkQueries>();
        services.AddScoped<TokenVault>();
        services.AddScoped<StoreConnections>();
        services.AddScoped<StoreConfiguration>();
        services.AddScoped<LocationSync>();
        services.AddScoped<ProductSync>();
        services.AddScoped<ImportQueue>();
        services.AddScoped<IImporter, ProductImporter>();
        services.AddScoped<IImporter, CustomerImporter>();
        services.AddScoped<IImporter, InitialStockImporter>();
        services.AddScoped<IImporter, OrderCatchUp>();
        services.AddScoped<IImporter, Reconciler>();

        services.AddScoped<ShopifyCustomers>();
        services.AddScoped<WebhookSubscriptions>();
        services.AddScoped<WebhookRouter>();
        services.AddScoped<OrderRows>();
        services.AddScoped<OrderReader>();
        services.AddScoped<OrderSync>();
        services.AddScoped<ReturnSync>();
        services.AddScoped<StockTargets>();
        services.AddScoped<StockPusher>();
        services.AddSingleton<StockWriteLock>();
        services.AddScoped<ShopifyLevels>();
        services.AddScoped<StockPreview>();
        services.AddScoped<FulfillmentPush>();
        services.AddScoped<SyncLifecycle>();
        services.AddScoped<IInboxChannel, ShopifyInbox>();
        services.AddScoped<IStockChannel, ShopifyStockChannel>();
        services.AddScoped<IDeliveryChannel, ShopifyDeliveryChannel>();
        services.AddHostedService<ReturnCloseWorker>();
        services.AddHostedService<SyncScheduler>();
        return services;
    }
}
