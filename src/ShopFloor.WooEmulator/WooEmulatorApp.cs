using ShopFloor.WooEmulator.Api;
using ShopFloor.WooEmulator.Store;
using ShopFloor.WooEmulator.Webhooks;

namespace ShopFloor.WooEmulator;

/// <summary>The emulator's web application: the stores' REST API v3 under /stores/{store}/wp-json/wc/v3, and their /wc-auth/v1 endpoint.</summary>
public static class WooEmulatorApp
{
    public static WebApplication Build(string[] args, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddSingleton<StoreRegistry>();
        builder.Services.AddSingleton<Checkout>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());
        builder.Services.AddHttpClient(nameof(WebhookSender));
        builder.Services.AddHttpClient(nameof(AuthEndpoint));
        var app = builder.Build();
        var api = app.MapGroup("/stores/{store}/wp-json/wc/v3").AddEndpointFilter<WooAuth>();
        api.MapProducts();
        api.MapOrders();
        api.MapCustomers();
        api.MapWebhooks();
        app.MapAuthEndpoint();
        return app;
    }
}
