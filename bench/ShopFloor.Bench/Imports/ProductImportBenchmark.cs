using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShopFloor.Core;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Data;
using ShopFloor.Shopify;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Jobs;
using ShopFloor.ShopifyEmulator;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.Bench.Imports;

/// <summary>
/// Issue 5's goal: a product import of 50,000 variants from the emulator under the standard plan's rate limit
/// (2,000-point bucket, 100 points/s), the API points it used per variant, its time against the best the rate
/// limit allows, and memory that does not grow with the catalogue.
/// </summary>
internal static class ProductImportBenchmark
{
    public static async Task<int> RunAsync(int[] sizes)
    {
        Console.WriteLine("| variants | seconds | API points | points/variant | rate-limit bound (s) | managed heap after, GC'd (MB) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
            Console.WriteLine(await RunOneAsync(size));
        return 0;
    }

    private static async Task<string> RunOneAsync(int variants)
    {
        await using var emulator = await EmulatorServer.StartAsync(o => (o.BucketSize, o.RestoreRate) = (2_000, 100));
        var shop = emulator.DefaultShop;
        await emulator.InShopAsync(shop, s =>
        {
            s.AddLocation("Online", DateTime.UtcNow);
            for (var p = 0; p < variants / 5; p++)
            {
                var product = new ShopProduct { Id = s.NextId(), Title = $"Product {p}", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
                s.Products.Add(product);
                for (var v = 0; v < 5; v++)
                    s.AddVariant(product, $"SKU-{p}-{v}", 10, $"Size {v}", DateTime.UtcNow);
            }
            return true;
        });

        var dataDir = Path.Combine(Path.GetTempPath(), "shopfloor-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ShopFloor:DataDir"] = dataDir,
            ["ShopFloor:Shopify:AdminUrlTemplate"] = emulator.BaseAddress.ToString().TrimEnd('/'),
            ["ShopFloor:Imports:PollInterval"] = "00:00:00.100",
        });
        builder.Services.AddShopFloorCore(builder.Configuration);
        builder.Services.AddShopifyIntegration();
        builder.Services.AddDataProtection().PersistKeysToDbContext<ShopFloorDbContext>();
        using var host = builder.Build();
        await host.Services.MigrateShopFloorDatabaseAsync();
        await host.StartAsync();

        long storeId;
        await using (var scope = host.Services.CreateAsyncScope())
            storeId = (await scope.ServiceProvider.GetRequiredService<StoreConnections>().ConnectWithTokenAsync(shop.Domain, emulator.AccessToken, CancellationToken.None)).Id;
        var pointsBefore = emulator.Buckets.For(shop).Taken;
        GC.Collect();
        var watch = Stopwatch.StartNew();
        long jobId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var store = await scope.ServiceProvider.GetRequiredService<StoreConnections>().FindAsync(storeId, CancellationToken.None);
            jobId = (await scope.ServiceProvider.GetRequiredService<ImportQueue>().StartAsync(store, ImportType.Products, CancellationToken.None)).Id;
        }
        ImportJob job;
        while (true)
        {
            await using var scope = host.Services.CreateAsyncScope();
            job = await scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>().Set<ImportJob>().FindAsync(jobId) ?? throw new InvalidOperationException();
            if (job.Status is ImportStatus.Succeeded or ImportStatus.Failed)
                break;
            await Task.Delay(100);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        if (job.Status == ImportStatus.Failed)
            throw new InvalidOperationException($"The import failed: {job.Failure}");
        var points = emulator.Buckets.For(shop).Taken - pointsBefore;
        // The best the limit allows: what must be paid beyond the full bucket, at the restore rate.
        var bound = Math.Max(0, points - 2_000) / 100.0;
        var heap = GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0;
        await host.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
        Console.Error.WriteLine($"{variants:N0}: {seconds:F1} s, {points} points, {job.Counts.GetValueOrDefault("created")} created");
        return $"| {variants:N0} | {seconds:F1} | {points:N0} | {(double)points / variants:F4} | {bound:F1} | {heap:F0} |";
    }
}
