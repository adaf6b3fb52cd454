using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Imports;

namespace ShopFloor.Shopify;

public static class ShopifyRegistration
{
    public static IServiceCollection AddShopifyIntegration(this IServiceCollection services)
    {
        services.AddSingleton(new ModelContribution(typeof(ShopifyRegistration).Assembly));
        services.AddOptions<ShopifyOptions>().BindConfiguration(ShopifyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ImportWorkerOptions>().BindConfiguration(ImportWorkerOptions.Section);
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
        services.AddScoped<ImportQueue>();
        services.AddScoped<IImporter, ProductImporter>();
        services.AddScoped<IImporter, CustomerImporter>();
        services.AddScoped<IImporter, InitialStockImporter>();
        services.AddHostedService<ImportWorker>();
        return services;
    }
}
