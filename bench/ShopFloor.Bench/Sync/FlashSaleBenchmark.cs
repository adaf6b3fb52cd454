using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.Extensions.DependencyInjection;
using static ShopFloor.Bench.MerchantScript;

namespace ShopFloor.Bench.Sync;

/// <summary>
/// Issue 17: the oversell window of a flash sale, end to end. Two emulated stores sell the same SKUs from one
/// ShopFloor location. Three processes share the machine: ShopFloor (Release build), set up through its REST API as a
/// merchant's script would; the emulator holding both stores (out of this process: ShopFloor reaches every store
/// through one admin address); and this one, which only places orders and watches. Orders are placed in store A at a
/// steady rate (an open loop: a slow answer does not slow the next order); for each, the time from placing it to
/// store B showing the lower Available (B read every 10 ms) is the window in which B could sell stock that is gone.
/// Before the measured rates, 15 s at 10 orders/s warm the processes up. Afterwards: every order imported once, and A,
/// B and ShopFloor agree on every SKU.
/// </summary>
internal static class FlashSaleBenchmark
{
    private const int Skus = 20;
    private const long Stock = 1_000_000;
    private const string ApiKey = "bench-api-key";
    private const int WarmUpRate = 10;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(15);

    /// <param name="catalogue">Variants ShopFloor holds besides the sale's (SQLite only): seeded before it starts, for its memory.</param>
    public static async Task<int> RunAsync(string? postgres, int[] rates, TimeSpan duration, int instances = 1, int catalogue = 0)
    {
        if (catalogue > 0 && postgres is not null)
            throw new ArgumentException("A seeded catalogue is for SQLite runs.", nameof(catalogue));
        var dataDir = catalogue > 0 ? await SeededDataDirAsync(catalogue) : null;
        // Shopify Plus: a 20,000-point bucket restoring 1,000 a second (SHOPIFY-FACTS).
        await using var emulator = await EmulatorProcess.StartAsync();
        var skus = Enumerable.Range(0, Skus).Select(i => $"FLASH-{i}").ToList();
        var (a, b) = ("flash-a.myshopify.com", "flash-b.myshopify.com");
        var (tokenA, tokenB) = (await emulator.AddStoreAsync(a, skus, 10), await emulator.AddStoreAsync(b, skus, 10));
        var (apiKey, apiSecret) = await emulator.AppAsync();

        var keyRing = Path.Combine(Path.GetTempPath(), $"shopfloor-bench-keyring-{Guid.NewGuid():N}.pfx");
        var settings = new Dictionary<string, string>
        {
            ["ShopFloor__BootstrapApiKey"] = ApiKey,
            ["ShopFloor__KeyRing__CertificatePath"] = keyRing, // one key ring for every instance, as README's "Keys at rest" says
            ["ShopFloor__Shopify__AdminUrlTemplate"] = emulator.Address.ToString().TrimEnd('/'),
            ["ShopFloor__Shopify__ApiKey"] = apiKey,
            ["ShopFloor__Shopify__ApiSecret"] = apiSecret,
        };
        await using var shopFloor = await ShopFloorProcess.StartAsync(postgres, settings, dataDir);
        var api = shopFloor.Api(ApiKey);
        var warehouse = await PostAsync(api, "/v1/locations", new { name = "Warehouse" });
        foreach (var (shop, token) in new[] { (a, tokenA), (b, tokenB) })
        {
            var store = await ConnectAndImportProductsAsync(api, shop, token, TimeSpan.FromSeconds(120));
            var locations = await api.GetFromJsonAsync<JsonElement>($"/v1/shopify/stores/{store}/locations");
            (await api.PutAsJsonAsync($"/v1/shopify/stores/{store}/location_mappings", locations.GetProperty("data").EnumerateArray()
                .Select(l => new { shopify_location_id = l.GetProperty("shopify_location_id").GetString(), location_id = warehouse }).ToArray())).EnsureSuccessStatusCode();
            await PostAsync(api, $"/v1/shopify/stores/{store}/activate", new { });
        }
        var variants = new Dictionary<string, long>();
        for (var i = 0; i < Skus; i++)
            variants[$"FLASH-{i}"] = (await api.GetFromJsonAsync<JsonElement>($"/v1/variants?sku=FLASH-{i}")).GetProperty("data")[0].GetProperty("id").GetInt64();
        await PostAsync(api, "/v1/stock_adjustments", new
        {
            location_id = warehouse, reason = "flash sale stock",
            stock_adjustment_rows = variants.Values.Select(v => new { variant_id = v, quantity = Stock }).ToArray(),
        });
        await UntilAsync(async () => (await emulator.LevelsAsync(b)).Values.All(v => v == Stock), "store B shows the stock", TimeSpan.FromSeconds(60));

        // Set up, more instances on the same PostgreSQL share the inbox and the jobs; webhooks keep going to the first, as
        // they would to one public address behind a load balancer that sends them there.
        settings["ShopFloor__Shopify__Sync__AppUrl"] = shopFloor.Address.ToString().TrimEnd('/');
        var others = new List<ShopFloorProcess>();
        for (var i = 1; i < instances; i++)
            others.Add(await ShopFloorProcess.StartAsync(postgres, settings));
        var database = postgres is null ? "SQLite" : "PostgreSQL";
        var sold = new long[Skus];
        // Warm-up, not measured: a sale meets a server that has been running (JIT-compiled, connections open, caches full).
        await Task.Delay(TimeSpan.FromSeconds(10)); // idle: set up, nothing selling
        var idle = shopFloor.ResidentMiB();
        var placed = (await SellAsync(emulator, a, b, WarmUpRate, WarmUp, sold, shopFloor)).Windows.Count;
        foreach (var rate in rates)
        {
            var pointsBefore = await emulator.PointsAsync(a);
            var (windows, peak) = await SellAsync(emulator, a, b, rate, duration, sold, shopFloor);
            Console.WriteLine(PointsPerOrder(pointsBefore, await emulator.PointsAsync(a), windows.Count));
            placed += windows.Count;
            var seen = windows.Where(w => w is not null).Select(w => w!.Value).ToList();
            var summary = seen.Count == 0 ? null : Summary.Of(seen, duration);
            Console.WriteLine($"| {database} | {instances} | {rate} | {duration.TotalSeconds:0} | {windows.Count:N0} | {summary?.P50 ?? 0:N0} | {summary?.P99 ?? 0:N0} | {(seen.Count == 0 ? 0 : seen.Max()):N0} | {windows.Count - seen.Count} | {idle:F0} | {peak:F0} |");
        }

        // Every order imported once, and no drift: A, B and ShopFloor agree.
        var settling = Stopwatch.StartNew();
        await UntilAsync(async () => await SalesOrderCountAsync(api) == placed, $"all {placed} orders are sales orders", TimeSpan.FromSeconds(300));
        var drift = 0;
        await UntilAsync(async () =>
        {
            var (levelsA, levelsB) = (await emulator.LevelsAsync(a), await emulator.LevelsAsync(b));
            drift = Enumerable.Range(0, Skus).Count(i => levelsA[$"FLASH-{i}"] != Stock - sold[i] || levelsB[$"FLASH-{i}"] != Stock - sold[i]);
            return drift == 0;
        }, "A and B agree with what was sold", TimeSpan.FromSeconds(300), throwOnTimeout: false);
        foreach (var other in others)
            await other.DisposeAsync();
        if (dataDir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
        Console.WriteLine($"<!-- {database}: {catalogue:N0} other variants, {placed} orders placed, {await SalesOrderCountAsync(api)} sales orders, {drift} SKUs drifting, settled {settling.Elapsed.TotalSeconds:0} s after the last order -->");
        return drift == 0 ? 0 : 1;
    }

    /// <summary>A SQLite data folder holding a catalogue of that many variants at 3 locations, seeded directly.</summary>
    private static async Task<string> SeededDataDirAsync(int variants)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "shopfloor-flashsale-" + Guid.NewGuid().ToString("N")[..8]);
        var seed = Stopwatch.StartNew();
        await using (var host = await BenchHost.StartAsync(dataDir))
            await host.InScopeAsync(sp => Ledger.CatalogueSeeder.SeedAsync(sp.GetRequiredService<ShopFloor.Core.Data.ShopFloorDbContext>(), variants, new Random(42)));
        Console.Error.WriteLine($"{variants:N0} variants seeded in {seed.Elapsed.TotalSeconds:F0} s");
        return dataDir;
    }

    /// <summary>
    /// Orders at a steady rate (an open loop): each one's window in ms, or null when B never showed it (within 30 s);
    /// and ShopFloor's peak resident memory meanwhile (sampled with B's levels).
    /// </summary>
    private static async Task<(List<double?> Windows, double PeakMiB)> SellAsync(EmulatorProcess emulator, string a, string b, int rate, TimeSpan duration, long[] sold,
        ShopFloorProcess shopFloor)
    {
        var peak = 0.0;
        var count = (int)(rate * duration.TotalSeconds);
        var pending = new List<(int Sku, long Expected, long Started, int Index)>();
        var windows = new double?[count];
        var gate = new object();
        using var stop = new CancellationTokenSource();
        var monitor = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var levels = await emulator.LevelsAsync(b);
                var now = Stopwatch.GetTimestamp();
                peak = Math.Max(peak, shopFloor.ResidentMiB());
                lock (gate)
                    pending.RemoveAll(p =>
                    {
                        if (levels[$"FLASH-{p.Sku}"] > p.Expected)
                            return false;
                        windows[p.Index] = Stopwatch.GetElapsedTime(p.Started, now).TotalMilliseconds;
                        return true;
                    });
                await Task.Delay(10);
            }
        });
        var clock = Stopwatch.StartNew();
        var placing = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed);
            var sku = i % Skus;
            var started = Stopwatch.GetTimestamp();
            lock (gate)
                pending.Add((sku, Stock - ++sold[sku], started, i));
            placing.Add(emulator.PlaceOrderAsync(a, $"FLASH-{sku}"));
        }
        await Task.WhenAll(placing);
        await UntilAsync(() => { lock (gate) return Task.FromResult(pending.Count == 0); }, "store B shows every sale", TimeSpan.FromSeconds(30), throwOnTimeout: false);
        await stop.CancelAsync();
        await monitor;
        return ([.. windows], peak);
    }

    /// <summary>Where store A's rate limit went during a rate: actual points per order placed, by operation.</summary>
    private static string PointsPerOrder(Dictionary<string, (long Calls, long Points)> before, Dictionary<string, (long Calls, long Points)> after, int orders)
    {
        var spent = after.Select(o => (Name: o.Key, Calls: o.Value.Calls - before.GetValueOrDefault(o.Key).Calls, Points: o.Value.Points - before.GetValueOrDefault(o.Key).Points))
            .Where(o => o.Calls > 0).OrderByDescending(o => o.Points).ToList();
        var total = spent.Sum(o => o.Points);
        return $"<!-- store A: {(double)total / orders:0.0} points an order: " +
            string.Join(", ", spent.Select(o => $"{o.Name} {(double)o.Points / orders:0.0} ({o.Calls:N0} calls)")) + " -->";
    }

    private static async Task<long> SalesOrderCountAsync(HttpClient api)
    {
        using var response = await api.GetAsync("/v1/sales_orders?limit=1");
        var pagination = JsonDocument.Parse(response.Headers.GetValues("X-Pagination").Single()).RootElement;
        var total = pagination.GetProperty("total_records");
        return total.ValueKind == JsonValueKind.String ? long.Parse(total.GetString()!) : total.GetInt64();
    }
}
