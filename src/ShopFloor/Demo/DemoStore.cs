using ShopFloor.ShopifyEmulator;
using ShopFloor.WooEmulator;

namespace ShopFloor.Demo;

/// <summary>
/// The first-run demo: an emulated Shopify store and an emulated WooCommerce store in the same process, already
/// connected and synced to one workshop, so a newcomer sees orders arrive and stock move in both. The emulated store lives in memory, so the demo keeps its database apart
/// (<c>{DataDir}/demo</c>) and starts it afresh every run; <c>ShopFloor__Demo=false</c> runs ShopFloor for real.
/// </summary>
public static class DemoStore
{
    public static async Task<EmulatorServer?> StartIfWantedAsync(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!IsWanted(configuration))
            return null;
        var emulator = await EmulatorServer.StartAsync();
        var dataDir = DataDir(configuration);
        if (Directory.Exists(dataDir))
            Directory.Delete(dataDir, recursive: true);
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ShopFloor:DataDir"] = dataDir,
            ["ShopFloor:Shopify:AdminUrlTemplate"] = emulator.BaseAddress.ToString().TrimEnd('/'),
            ["ShopFloor:Shopify:ApiKey"] = emulator.Shops.ApiKey,
            ["ShopFloor:Shopify:ApiSecret"] = emulator.Shops.ApiSecret,
        });
        builder.Services.AddSingleton(emulator);
        var woo = await WooEmulatorServer.StartAsync();
        builder.Services.AddSingleton(_ => woo); // made by a factory, so the app disposes it when it stops
        builder.Services.AddHostedService<DemoSeeder>();
        return emulator;
    }

    public static bool IsWanted(IConfiguration configuration) =>
        configuration.GetValue("ShopFloor:Demo", true) && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Postgres"));

    public static string DataDir(IConfiguration configuration) => Path.Combine(configuration.GetValue("ShopFloor:DataDir", "data")!, "demo");
}
