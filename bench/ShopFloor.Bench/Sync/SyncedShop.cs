using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShopFloor.Core;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Data;
using ShopFloor.Shopify;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Jobs;
using ShopFloor.Shopify.Sync;
using ShopFloor.ShopifyEmulator;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.Bench.Sync;

/// <summary>
/// An emulated store on the standard plan (2,000-point bucket, 100 points/s) with N tracked variants at one location,
/// and ShopFloor (SQLite or PostgreSQL, in process, background workers running) connected to it with its products
/// imported, its location mapped and sync active.
/// </summary>
internal sealed class SyncedShop : IAsyncDisposable
{
    public const int BucketSize = 2_000;
    public const int RestoreRate = 100;

    private readonly string _dataDir;

    private SyncedShop(EmulatorServer emulator, IHost host, string dataDir, long storeId, long locationId)
    {
        Emulator = emulator;
        Host = host;
        _dataDir = dataDir;
        StoreId = storeId;
        LocationId = locationId;
    }

    public EmulatorServer Emulator { get; }
    public IHost Host { get; }
    public long StoreId { get; }
    public long LocationId { get; }
    public Shop Shop => Emulator.DefaultShop;

    public static async Task<SyncedShop> StartAsync(int variants, string? postgres, TimeSpan? coalesceWindow = null)
    {
        var emulator = await EmulatorServer.StartAsync(o => (o.BucketSize, o.RestoreRate) = (BucketSize, RestoreRate));
        await emulator.InShopAsync(emulator.DefaultShop, s => EmulatedCatalog.Seed(s, variants, "SKU"));

        var dataDir = Path.Combine(Path.GetTempPath(), "shopfloor-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ShopFloor:DataDir"] = dataDir,
            ["ConnectionStrings:Postgres"] = postgres,
            ["ShopFloor:Shopify:AdminUrlTemplate"] = emulator.BaseAddress.ToString().TrimEnd('/'),
            ["ShopFloor:Imports:PollInterval"] = "00:00:00.100",
            ["ShopFloor:Sync:AppUrl"] = "http://127.0.0.1:9", // nothing listens: this benchmark has no webhooks
            ["ShopFloor:Sync:PollInterval"] = "00:00:00.050",
            ["ShopFloor:Sync:StockCoalesceWindow"] = (coalesceWindow ?? TimeSpan.FromSeconds(1)).ToString(),
        });
        builder.Services.AddShopFloorCore(builder.Configuration);
        builder.Services.AddShopifyIntegration();
        builder.Services.AddDataProtection().PersistKeysToDbContext<ShopFloorDbContext>();
        var host = builder.Build();
        await host.Services.MigrateShopFloorDatabaseAsync();
        await host.StartAsync();

        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var store = await services.GetRequiredService<StoreConnections>().ConnectWithTokenAsync(emulator.DefaultShop.Domain, emulator.AccessToken, CancellationToken.None);
        var job = await services.GetRequiredService<ImportQueue>().StartAsync(store, ImportType.Products, CancellationToken.None);
        var db = services.GetRequiredService<ShopFloorDbContext>();
        await WaitAsync(db, j => j.Id == job.Id);
        var location = new Location("Warehouse", DateTime.UtcNow);
        db.Locations.Add(location);
        await db.SaveChangesAsync();
        var configuration = services.GetRequiredService<StoreConfiguration>();
        var shopifyLocation = (await configuration.LocationsAsync(store.Id, CancellationToken.None)).Single();
        await configuration.MapLocationsAsync(store.Id, [new LocationMappingInput(shopifyLocation.ShopifyLocationId, location.Id)], CancellationToken.None);
        await services.GetRequiredService<SyncLifecycle>().ActivateAsync(await services.GetRequiredService<StoreConnections>().FindAsync(store.Id, CancellationToken.None), CancellationToken.None);
        await WaitAsync(db, j => j.StoreId == store.Id);
        return new SyncedShop(emulator, host, dataDir, store.Id, location.Id);
    }

    /// <summary>Waits until every job matching the filter has finished.</summary>
    private static async Task WaitAsync(ShopFloorDbContext db, System.Linq.Expressions.Expression<Func<ImportJob, bool>> which)
    {
        while (await db.Set<ImportJob>().Where(which).AnyAsync(j => j.Status == ImportStatus.Queued || j.Status == ImportStatus.Running))
        {
            db.ChangeTracker.Clear();
            await Task.Delay(100);
        }
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Available of every variant in the store, read from the emulator.</summary>
    public Task<Dictionary<string, long>> AvailableBySkuAsync() =>
        Emulator.InShopAsync(Shop, s => s.InventoryLevels.Where(l => l.Location == s.Locations[0]).ToDictionary(l => l.Item.Variant!.Sku!, l => l.Available));

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await Emulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
