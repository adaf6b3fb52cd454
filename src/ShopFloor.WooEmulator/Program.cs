using ShopFloor.WooEmulator;
using ShopFloor.WooEmulator.Store;

// A WooCommerce store emulator: REST API v3, API keys, signed webhooks. See README.md.
var app = WooEmulatorApp.Build(args);
app.Lifetime.ApplicationStarted.Register(() =>
{
    var address = new Uri(app.Urls.First().TrimEnd('/') + "/");
    var store = app.Services.GetRequiredService<StoreRegistry>().Add(address, "demo");
    Console.WriteLine($"WooCommerce emulator listening on {address}");
    Console.WriteLine($"  store:            {store.Url}");
    Console.WriteLine($"  REST API:         {store.Url}/wp-json/wc/v3");
    Console.WriteLine($"  consumer key:     {store.ConsumerKey}");
    Console.WriteLine($"  consumer secret:  {store.ConsumerSecret}");
});
await app.RunAsync();
