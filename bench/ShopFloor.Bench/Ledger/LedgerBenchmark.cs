using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ShopFloor.Core;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Bench.Ledger;

/// <summary>
/// Issue 2's goal: one stock adjustment's latency does not grow with the catalogue (ratio 100k/10k ≤ 1.3) and its
/// p99 stays under 10 ms on SQLite. Each adjustment runs as an API request would: a fresh scope, the use case,
/// its transaction, movements, kit potentials and outbox events. Half the adjustments hit a kit component.
/// </summary>
internal static class LedgerBenchmark
{
    private static readonly int Warmup = int.Parse(Environment.GetEnvironmentVariable("BENCH_WARMUP") ?? "300");
    private static readonly int Measured = int.Parse(Environment.GetEnvironmentVariable("BENCH_N") ?? "3000");

    public static async Task<int> RunAsync(int[] sizes)
    {
        var results = new List<(int Size, Summary Summary)>();
        foreach (var size in sizes)
            results.Add((size, await RunOneAsync(size)));

        Console.WriteLine();
        Console.WriteLine("| variants | p50 (ms) | p99 (ms) | mean (ms) | adjustments/s (1 client) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        foreach (var (size, s) in results)
            Console.WriteLine($"| {size:N0} | {s.P50:F2} | {s.P99:F2} | {s.Mean:F2} | {s.PerSecond:F0} |");
        if (results.Count > 1)
            Console.WriteLine($"\nmean ratio largest/smallest: {results[^1].Summary.Mean / results[0].Summary.Mean:F2}, " +
                              $"p99 ratio: {results[^1].Summary.P99 / results[0].Summary.P99:F2}");
        return 0;
    }

    private static async Task<Summary> RunOneAsync(int size)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "shopfloor-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1") { builder.Logging.AddConsole(); builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information); builder.Logging.AddFilter("Microsoft", LogLevel.Warning); }
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ShopFloor:DataDir"] = dataDir });
        builder.Services.AddShopFloorCore(builder.Configuration);
        builder.Services.AddSingleton(new ModelContribution(typeof(ShopFloor.Shopify.ShopifyRegistration).Assembly));
        builder.Services.AddSingleton(new ModelContribution(typeof(ShopFloor.WooCommerce.WooRegistration).Assembly));
        using var host = builder.Build();
        await host.Services.MigrateShopFloorDatabaseAsync();

        var random = new Random(42);
        var seedWatch = Stopwatch.StartNew();
        Catalogue catalogue;
        await using (var scope = host.Services.CreateAsyncScope())
            catalogue = await CatalogueSeeder.SeedAsync(scope.ServiceProvider.GetRequiredService<ShopFloorDbContext>(), size, random);
        Console.Error.WriteLine($"{size:N0} variants seeded in {seedWatch.Elapsed.TotalSeconds:F1} s");

        var latencies = new List<double>(Measured);
        var total = Stopwatch.StartNew();
        for (var i = 0; i < Warmup + Measured; i++)
        {
            if (i == Warmup)
                total.Restart();
            var pool = i % 2 == 0 ? catalogue.KitComponents : catalogue.Components;
            var variant = pool[random.Next(pool.Count)];
            var location = catalogue.Locations[random.Next(catalogue.Locations.Count)];
            var watch = Stopwatch.StartNew();
            await using (var scope = host.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<StockAdjustments>().CreateAsync(new CreateStockAdjustment(
                    null, location, "bench", null, null, [new AdjustmentRowInput(variant, random.Next(2) == 0 ? 1 : -1, null)]),
                    CancellationToken.None);
            }
            if (i >= Warmup)
                latencies.Add(watch.Elapsed.TotalMilliseconds);
        }
        var summary = Summary.Of(latencies, total.Elapsed);
        Console.Error.WriteLine($"{size:N0}: p50 {summary.P50:F2} ms, p99 {summary.P99:F2} ms, {summary.PerSecond:F0}/s");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dataDir, recursive: true);
        return summary;
    }
}
