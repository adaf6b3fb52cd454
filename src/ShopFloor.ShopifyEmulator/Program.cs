using ShopFloor.ShopifyEmulator.GraphQL;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator;

/// <summary>A Shopify store emulator: Admin GraphQL API 2026-10, OAuth, signed webhooks, rate limits. See README.md.</summary>
internal static class EmulatorProgram
{
    public static async Task Main(string[] args)
    {
        var app = EmulatorApp.Build(args);
        _ = AdminSchema.Instance; // load the schema before the first request
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var shops = app.Services.GetRequiredService<ShopRegistry>();
            var shop = shops.DefaultShop;
            Console.WriteLine($"Shopify emulator listening on {string.Join(", ", app.Urls)}");
            Console.WriteLine($"  shop domain:   {shop.Domain}");
            Console.WriteLine($"  API key:       {shops.ApiKey}");
            Console.WriteLine($"  API secret:    {shops.ApiSecret}");
            Console.WriteLine($"  access token:  {shop.AccessTokens.First()}");
            Console.WriteLine($"  Admin API:     POST {app.Urls.FirstOrDefault()}/admin/api/{ApiVersions.Latest}/graphql.json");
        });
        await app.RunAsync();
    }
}
