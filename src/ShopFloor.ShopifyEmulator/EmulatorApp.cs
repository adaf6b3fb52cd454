using GraphQL;
using GraphQL.SystemTextJson;
using ShopFloor.ShopifyEmulator.Control;
using ShopFloor.ShopifyEmulator.GraphQL;
using ShopFloor.ShopifyEmulator.OAuth;
using ShopFloor.ShopifyEmulator.RateLimits;
using ShopFloor.ShopifyEmulator.Store;
using ShopFloor.ShopifyEmulator.Webhooks;

namespace ShopFloor.ShopifyEmulator;

/// <summary>Builds the emulator's web app, for the standalone program and for tests that run it in-process.</summary>
public static class EmulatorApp
{
    public static WebApplication Build(string[] args, Action<EmulatorOptions>? configure = null, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Defaults in code, not an appsettings.json: ShopFloor's demo embeds the emulator, and two appsettings.json
        // files in one publish output collide.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Services.AddOptions<EmulatorOptions>().BindConfiguration(EmulatorOptions.Section).Configure(o => configure?.Invoke(o));
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddSingleton<ShopRegistry>();
        builder.Services.AddSingleton<Buckets>();
        builder.Services.AddSingleton<WebhookDispatcher>();
        builder.Services.AddSingleton<OrderBook>();
        builder.Services.AddSingleton<OrderChanges>();
        builder.Services.AddSingleton<LocationChanges>();
        builder.Services.AddSingleton<Bulk.BulkOperations>();
        builder.Services.AddHttpClient<WebhookSender>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());
        // The control API speaks snake_case, like ShopFloor's own API (Shopify's GraphQL is camelCase, and unaffected).
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddSingleton<IDocumentExecuter, DocumentExecuter>();
        // Shopify's errors carry extensions.code alone, not GraphQL.NET's extra "codes" list.
        builder.Services.AddSingleton<IGraphQLTextSerializer>(new GraphQLSerializer(new global::GraphQL.Execution.ErrorInfoProvider(o => o.ExposeCodes = false)));

        var app = builder.Build();
        app.MapAdminApi();
        app.MapOAuth();
        app.MapControlApi();
        app.MapStorefrontApi();
        app.MapGet("/_emulator/bulk/{id:long}.jsonl", (long id, Bulk.BulkOperations bulk) =>
            bulk.Find(id)?.Result is { } file ? Results.File(file, "application/jsonl") : Results.NotFound()).ExcludeFromDescription();
        return app;
    }
}
