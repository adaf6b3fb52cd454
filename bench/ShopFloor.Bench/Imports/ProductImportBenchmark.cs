using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ShopFloor.Bench.Sync;
using static ShopFloor.Bench.MerchantScript;

namespace ShopFloor.Bench.Imports;

/// <summary>
/// Issue 5's goal and issue 17's memory question: a product import of N variants (5 per product) from an emulated
/// store on the standard plan's rate limit (2,000-point bucket, 100 points/s). ShopFloor (Release build, SQLite) and
/// the emulator each run in a process of their own, so ShopFloor's resident memory is its own: sampled every 100 ms
/// from starting the import to <c>SUCCEEDED</c>. Points are what the store's bucket charged for the import's calls.
/// </summary>
internal static class ProductImportBenchmark
{
    private const string ApiKey = "bench-import-key";
    private const int VariantsPerProduct = 5;

    public static async Task<int> RunAsync(int[] sizes)
    {
        Console.WriteLine("| variants | seconds | API points | points/variant | rate-limit bound (s) | resident before (MiB) | resident peak during import (MiB) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
            Console.WriteLine(await RunOneAsync(size));
        return 0;
    }

    private static async Task<string> RunOneAsync(int variants)
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        const string shop = "catalogue.myshopify.com";
        var token = await emulator.AddShopAsync(shop);
        var seeding = Stopwatch.StartNew();
        await emulator.SetPlanAsync(shop, 1_000_000_000, 1_000_000_000); // seeding is not what is measured
        var location = await emulator.AddLocationAsync(shop, token);
        await Parallel.ForEachAsync(Enumerable.Range(0, variants / VariantsPerProduct), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (p, _) =>
            await emulator.AddProductAsync(shop, token, $"Product {p}", location,
                [.. Enumerable.Range(0, VariantsPerProduct).Select(v => $"SKU-{p}-{v}")], 10));
        await emulator.SetPlanAsync(shop, 2_000, 100);
        Console.Error.WriteLine($"{variants:N0} variants seeded in the emulator in {seeding.Elapsed.TotalSeconds:F0} s");

        var (apiKey, apiSecret) = await emulator.AppAsync();
        await using var shopFloor = await ShopFloorProcess.StartAsync(null, new Dictionary<string, string>
        {
            ["ShopFloor__BootstrapApiKey"] = ApiKey,
            ["ShopFloor__Shopify__AdminUrlTemplate"] = emulator.Address.ToString().TrimEnd('/'),
            ["ShopFloor__Shopify__ApiKey"] = apiKey,
            ["ShopFloor__Shopify__ApiSecret"] = apiSecret,
        });
        using var api = shopFloor.Api(ApiKey);
        var store = await PostAsync(api, "/v1/shopify/stores", new { shop_domain = shop, access_token = token });
        await Task.Delay(TimeSpan.FromSeconds(5)); // the connection's own calls and start-up work settle
        var before = shopFloor.ResidentMiB();
        var pointsBefore = (await emulator.PointsAsync(shop)).Values.Sum(o => o.Points);

        var watch = Stopwatch.StartNew();
        await PostAsync(api, $"/v1/shopify/stores/{store}/imports", new { type = "products" });
        var peak = before;
        JsonElement job;
        while (true)
        {
            peak = Math.Max(peak, shopFloor.ResidentMiB());
            job = (await api.GetFromJsonAsync<JsonElement>($"/v1/shopify/stores/{store}/imports")).GetProperty("data").EnumerateArray()
                .Single(j => j.GetProperty("type").GetString() == "products");
            if (job.GetProperty("status").GetString() is "SUCCEEDED" or "FAILED")
                break;
            await Task.Delay(100);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        if (job.GetProperty("status").GetString() == "FAILED")
            throw new InvalidOperationException($"The import failed: {job}");
        var points = (await emulator.PointsAsync(shop)).Values.Sum(o => o.Points) - pointsBefore;
        // The best the limit allows: what must be paid beyond the full bucket, at the restore rate.
        var bound = Math.Max(0, points - 2_000) / 100.0;
        Console.Error.WriteLine($"{variants:N0}: {seconds:F1} s, {points} points, {job}");
        return $"| {variants:N0} | {seconds:F1} | {points:N0} | {(double)points / variants:F4} | {bound:F1} | {before:F0} | {peak:F0} |";
    }
}
