using ShopFloor.WooEmulator.Store;

namespace ShopFloor.WooEmulator;

/// <summary>A WooCommerce store emulator: REST API v3, API keys, signed webhooks. See README.md.</summary>
internal static class WooEmulatorProgram
{
    public static async Task Main(string[] args)
    {
        var app = WooEmulatorApp.Build(args);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = new Uri(app.Urls.First().TrimEnd('/') + "/");
            var store = app.Services.GetRequiredService<StoreRegistry>().Add(address, "demo");
            // A little catalogue to look at: a simple product and a variable one.
            var now = DateTime.UtcNow;
            store.AddProduct("Soy candle", "CANDLE-1", 12m, 10, now);
            var shirt = store.AddProduct("Linen shirt", "", 45m, null, now);
            store.AddVariation(shirt, "Blue", "SHIRT-BLUE", 45m, 4, now);
            store.AddVariation(shirt, "Sand", "SHIRT-SAND", 45m, 2, now);
            Console.WriteLine($"WooCommerce emulator listening on {address}");
            Console.WriteLine($"  store:            {store.Url}");
            Console.WriteLine($"  REST API:         {store.Url}/wp-json/wc/v3");
            Console.WriteLine($"  consumer key:     {store.ConsumerKey}");
            Console.WriteLine($"  consumer secret:  {store.ConsumerSecret}");
        });
        await app.RunAsync();
    }
}
