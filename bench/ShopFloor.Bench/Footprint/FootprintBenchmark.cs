using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ShopFloor.Bench.Ledger;
using ShopFloor.Core.Data;

namespace ShopFloor.Bench.Footprint;

/// <summary>
/// Issue 17's start-up and memory questions: ShopFloor (its Release build, its own process, SQLite) on a catalogue of
/// N variants — time from process start to /health answering, resident memory once idle, and after reading every
/// stock level through the API as a script would (250 a page).
/// </summary>
internal static class FootprintBenchmark
{
    private const string ApiKey = "bench-footprint-key";

    public static async Task<int> RunAsync(int size, int starts)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "shopfloor-footprint-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using (var host = await BenchHost.StartAsync(dataDir))
            {
                var seed = Stopwatch.StartNew();
                await host.InScopeAsync(sp => CatalogueSeeder.SeedAsync(sp.GetRequiredService<ShopFloorDbContext>(), size, new Random(42)));
                Console.Error.WriteLine($"{size:N0} variants seeded in {seed.Elapsed.TotalSeconds:F1} s");
            }
            var settings = new Dictionary<string, string> { ["ShopFloor__BootstrapApiKey"] = ApiKey };
            Console.WriteLine("| variants | start | to /health (s) | resident idle (MiB) | after reading every level (MiB) | levels read | read time (s) |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
            for (var run = 1; run <= starts; run++)
            {
                var watch = Stopwatch.StartNew();
                await using var shopFloor = await ShopFloorProcess.StartAsync(null, settings, dataDir);
                var ready = watch.Elapsed;
                await Task.Delay(TimeSpan.FromSeconds(10)); // background workers settle; GC has had its chance
                var idle = shopFloor.ResidentMiB();
                var (levels, read) = await ReadEveryLevelAsync(shopFloor);
                await Task.Delay(TimeSpan.FromSeconds(5));
                Console.WriteLine($"| {size:N0} | {run} | {ready.TotalSeconds:F2} | {idle:F0} | {shopFloor.ResidentMiB():F0} | {levels:N0} | {read.TotalSeconds:F1} |");
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<(int Levels, TimeSpan Took)> ReadEveryLevelAsync(ShopFloorProcess shopFloor)
    {
        using var api = shopFloor.Api(ApiKey);
        var watch = Stopwatch.StartNew();
        var total = 0;
        for (var page = 1; ; page++)
        {
            using var document = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync($"/v1/inventory?limit=250&page={page}"));
            var count = document.RootElement.GetProperty("data").GetArrayLength();
            total += count;
            if (count < 250)
                return (total, watch.Elapsed);
        }
    }
}
