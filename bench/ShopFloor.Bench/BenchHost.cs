using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShopFloor.Core;
using ShopFloor.Core.Data;

namespace ShopFloor.Bench;

/// <summary>ShopFloor's core services on a fresh SQLite database in a temp folder, deleted on dispose.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private readonly string _dataDir;
    private readonly bool _keepData;
    private readonly IHost _host;

    private BenchHost(string? dataDir)
    {
        _keepData = dataDir is not null;
        _dataDir = dataDir ?? Path.Combine(Path.GetTempPath(), "shopfloor-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ShopFloor:DataDir"] = _dataDir });
        builder.Services.AddShopFloorCore(builder.Configuration);
        builder.Services.AddSingleton(new ModelContribution(typeof(ShopFloor.Shopify.ShopifyRegistration).Assembly));
        builder.Services.AddSingleton(new ModelContribution(typeof(ShopFloor.WooCommerce.WooRegistration).Assembly));
        _host = builder.Build();
    }

    public IServiceProvider Services => _host.Services;

    /// <param name="dataDir">A data folder to keep afterwards (to run ShopFloor on it); none: a temp one, deleted.</param>
    public static async Task<BenchHost> StartAsync(string? dataDir = null)
    {
        var host = new BenchHost(dataDir);
        await host.Services.MigrateShopFloorDatabaseAsync();
        return host;
    }

    /// <summary>Runs <paramref name="work"/> the way one API request would: in a fresh scope.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await Task.Yield();
        if (!_keepData)
            Directory.Delete(_dataDir, recursive: true);
    }
}
