using Microsoft.Extensions.Options;
using Polly;

namespace ShopFloor.Webhooks;

public static class WebhooksRegistration
{
    /// <summary>Katana-style webhooks: the deliveries written with each change are posted by a background worker.</summary>
    public static IServiceCollection AddKatanaWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookDeliveryOptions>().BindConfiguration(WebhookDeliveryOptions.Section);
        // No retries here: a failed post waits for its next turn in the delivery schedule, as Katana's do.
        services.AddHttpClient<WebhookSender>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("katana-webhooks", (pipeline, context) =>
                pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<WebhookDeliveryOptions>>().Value.Timeout));
        services.AddHostedService<WebhookDeliveryWorker>();
        return services;
    }
}
