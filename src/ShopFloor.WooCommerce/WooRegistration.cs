using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.Inbox;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Data;
using ShopFloor.WooCommerce.Client;
using ShopFloor.WooCommerce.Connection;
using ShopFloor.WooCommerce.Fulfillments;
using ShopFloor.WooCommerce.Jobs;
using ShopFloor.WooCommerce.Mapping;
using ShopFloor.WooCommerce.Orders;
using ShopFloor.WooCommerce.Stock;
using ShopFloor.WooCommerce.Sync;
using ShopFloor.WooCommerce.Webhooks;

namespace ShopFloor.WooCommerce;

public static class WooRegistration
{
    public static IServiceCollection AddWooCommerceIntegration(this IServiceCollection services)
    {
        services.AddSingleton(new ModelContribution(typeof(WooRegistration).Assembly));
        services.AddChannelSync();
        // Stock and status writes are absolute values, safe to repeat, but batches and new webhooks are POSTs: those are not retried here (the outbox retries a batch).
        services.AddHttpClient<WooClient>().AddStandardResilienceHandler(o => o.Retry.ShouldHandle = args => ValueTask.FromResult(
            HttpClientResiliencePredicates.IsTransient(args.Outcome) && args.Context.GetRequestMessage()?.Method != HttpMethod.Post));
        services.AddScoped<WooKeys>();
        services.AddScoped<WooStores>();
        services.AddScoped<WooAuthorization>();
        services.AddScoped<SkuLinks>();
        services.AddScoped<WooWebhookSubscriptions>();
        services.AddScoped<WooOrderSync>();
        services.AddScoped<WooRefunds>();
        services.AddScoped<WooSyncControl>();
        services.AddScoped<IImporter, WooProductImporter>();
        services.AddScoped<IImporter, WooReconciler>();
        services.AddScoped<IImporter, WooCustomerImporter>();
        services.AddScoped<WooCatchUp>();
        services.AddHostedService<WooCatchUpWorker>();
        services.AddScoped<WooStockPush>();
        services.AddScoped<IStockChannel, WooStockChannel>();
        services.AddScoped<IDeliveryChannel, WooDeliveryChannel>();
        services.AddScoped<IInboxChannel, WooInbox>();
        return services;
    }
}
