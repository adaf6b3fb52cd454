using ShopFloor.Core;
using ShopFloor.Core.Access;
using ShopFloor.Core.Data;
using ShopFloor.Demo;

namespace ShopFloor.Access;

/// <summary>
/// <c>shopfloor api-key create --name ci</c>: prints a new key once; only its hash is stored. It writes to the
/// database the server of the same settings uses, the running demo's included.
/// </summary>
public static class ApiKeyCommand
{
    public static bool Matches(string[] args) => args is ["api-key", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["api-key", "create", "--name", var name, ..] || string.IsNullOrWhiteSpace(name))
        {
            await Console.Error.WriteLineAsync("usage: shopfloor api-key create --name <name>");
            return 2;
        }
        var builder = Host.CreateApplicationBuilder(args[4..]);
        // Standard output carries the key alone, so scripts can capture it; everything else goes to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (DemoStore.IsWanted(builder.Configuration))
            builder.Configuration.AddInMemoryCollection([new("ShopFloor:DataDir", DemoStore.DataDir(builder.Configuration))]);
        builder.Services.AddShopFloorCore(builder.Configuration);
        builder.Services.AddSingleton(new ModelContribution(typeof(ShopFloor.Shopify.ShopifyRegistration).Assembly));
        builder.Services.AddSingleton(new ModelContribution(typeof(ShopFloor.WooCommerce.WooRegistration).Assembly));
        using var host = builder.Build();
        await host.Services.MigrateShopFloorDatabaseAsync();

        await using var scope = host.Services.CreateAsyncScope();
        var secret = await scope.ServiceProvider.GetRequiredService<ApiKeys>().CreateAsync(name, CancellationToken.None);
        Console.WriteLine(secret);
        await Console.Error.WriteLineAsync($"API key '{name}' created. It is shown only this once; send it as 'Authorization: Bearer <key>'.");
        return 0;
    }
}
