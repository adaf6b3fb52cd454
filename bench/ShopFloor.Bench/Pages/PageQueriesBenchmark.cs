using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ShopFloor.Bench.Ledger;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;

namespace ShopFloor.Bench.Pages;

/// <summary>
/// Issue 7's "pages load fast on a catalogue of 100,000 variants": the Stock and Items pages' own queries
/// (<see cref="StockLevelList"/>, <see cref="VariantList"/>), each as one page load would run it in a fresh scope.
/// </summary>
internal static class PageQueriesBenchmark
{
    private const int Runs = 50;

    public static async Task<int> RunAsync(int size)
    {
        await using var host = await BenchHost.StartAsync();
        var seed = Stopwatch.StartNew();
        await host.InScopeAsync(sp => CatalogueSeeder.SeedAsync(sp.GetRequiredService<ShopFloorDbContext>(), size, new Random(42)));
        Console.Error.WriteLine($"{size:N0} variants seeded in {seed.Elapsed.TotalSeconds:F1} s");

        Console.WriteLine("| page query | variants | rows on the page | total matching | p50 (ms) | p99 (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        await MeasureAsync(host, size, "Stock, first page of 50", sp => sp.GetRequiredService<StockLevelList>().PageAsync(null, 0, 50, CancellationToken.None));
        await MeasureAsync(host, size, "Stock, page 1,000 of 50", sp => sp.GetRequiredService<StockLevelList>().PageAsync(null, 999, 50, CancellationToken.None));
        await MeasureAsync(host, size, "Stock, filtered by SKU", sp => sp.GetRequiredService<StockLevelList>().PageAsync("SKU-1234", 0, 50, CancellationToken.None));
        await MeasureAsync(host, size, "Items (products), first page of 50", sp => sp.GetRequiredService<VariantList>().PageAsync(ItemKind.Product, null, 0, 50, CancellationToken.None));
        await MeasureAsync(host, size, "Items, filtered by name", sp => sp.GetRequiredService<VariantList>().PageAsync(ItemKind.Product, "Item 4242", 0, 50, CancellationToken.None));
        return 0;
    }

    private static async Task MeasureAsync<T>(BenchHost host, int size, string name, Func<IServiceProvider, Task<(IReadOnlyList<T> Rows, int Total)>> query)
    {
        var latencies = new List<double>(Runs);
        (IReadOnlyList<T> Rows, int Total) last = default;
        for (var i = 0; i < Runs + 5; i++)
        {
            var watch = Stopwatch.StartNew();
            last = await host.InScopeAsync(query);
            if (i >= 5)
                latencies.Add(watch.Elapsed.TotalMilliseconds);
        }
        var summary = Summary.Of(latencies, TimeSpan.FromMilliseconds(latencies.Sum()));
        Console.WriteLine($"| {name} | {size:N0} | {last.Rows?.Count ?? 0} | {last.Total:N0} | {summary.P50:F1} | {summary.P99:F1} |");
    }
}
