using ShopFloor.Core;
using ShopFloor.Core.Access;
using ShopFloor.Core.Data;

namespace ShopFloor.Access;

/// <summary><c>shopfloor api-key create --name ci</c>: prints a new key once; only its hash is stored.</summary>
public static class ApiKeyCommand
{
    public static bool Matches(string[] args) => args is ["api-key", ..];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["api-key", "create", "--name", var name] || string.IsNullOrWhiteSpace(name))
        {
            await Console.Error.WriteLineAsync("usage: shopfloor api-key create --name <name>");
            return 2;
        }
        var builder = Host.CreateApplicationBuilder([]);
        // Standard output carries the key alone, so scripts can capture it; everything else goes to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddShopFloorCore(builder.Configuration);
        builder.Services.AddSingleton(new ShopFloor.Core.Data.ModelContribution(typeof(ShopFloor.Shopify.ShopifyRegistration).Assembly));
        using var host = builder.Build();
        await host.Services.MigrateShopFloorDatabaseAsync();

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>();
        var (key, secret) = ApiKey.Create(name, TimeProvider.System.GetUtcNow().UtcDateTime);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();
        Console.WriteLine(secret);
        await Console.Error.WriteLineAsync($"API key '{name}' created. It is shown only this once; send it as 'Authorization: Bearer <key>'.");
        return 0;
    }
}
