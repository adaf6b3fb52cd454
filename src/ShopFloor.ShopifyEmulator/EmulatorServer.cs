using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ShopFloor.ShopifyEmulator.RateLimits;
using ShopFloor.ShopifyEmulator.Store;
using ShopFloor.ShopifyEmulator.Webhooks;

namespace ShopFloor.ShopifyEmulator;

/// <summary>
/// The emulator in-process, on a free loopback port, for tests, benchmarks and the demo: real HTTP, so a client
/// under test cannot tell it from a store, plus direct access to every store's state and switches.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public ShopRegistry Shops => _app.Services.GetRequiredService<ShopRegistry>();
    public Shop DefaultShop => Shops.DefaultShop;
    public string AccessToken => DefaultShop.AccessTokens.First();
    public WebhookDispatcher Webhooks => _app.Services.GetRequiredService<WebhookDispatcher>();
    public Buckets Buckets => _app.Services.GetRequiredService<Buckets>();
    public OrderBook Orders => _app.Services.GetRequiredService<OrderBook>();
    public OrderChanges Changes => _app.Services.GetRequiredService<OrderChanges>();
    public LocationChanges LocationChanges => _app.Services.GetRequiredService<LocationChanges>();
    public TimeProvider Clock => _app.Services.GetRequiredService<TimeProvider>();

    /// <summary>Reads or changes a store's state directly, holding its gate as every Admin API call does.</summary>
    public async Task<T> InShopAsync<T>(Shop shop, Func<Shop, T> action)
    {
        await shop.Gate.WaitAsync();
        try
        {
            return action(shop);
        }
        finally
        {
            shop.Gate.Release();
        }
    }

    /// <summary>A shopper checks out: the order commits stock, and orders/create (and orders/paid) go out.</summary>
    public Task<ShopOrder> PlaceOrderAsync(Shop shop, OrderDraft draft) =>
        InShopAsync(shop, s => Orders.Place(s, draft, commitStock: true, Clock.GetUtcNow().UtcDateTime));

    /// <summary>A shipping app (ShipStation) fulfills everything still open on the order, through Shopify.</summary>
    public Task<ShopOrder> ShipAsync(Shop shop, ShopOrder order, string? trackingNumber = null) => InShopAsync(shop, s =>
    {
        foreach (var fulfillmentOrder in order.FulfillmentOrders.Where(f => f.Status is "OPEN" or "IN_PROGRESS").ToList())
            Orders.Fulfill(s, [(fulfillmentOrder, null)], "UPS", trackingNumber, null, Clock.GetUtcNow().UtcDateTime);
        return order;
    });

    public static async Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure = null, TimeProvider? clock = null)
    {
        var app = EmulatorApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], configure, clock);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EmulatorServer(app, new Uri(address));
    }

    /// <summary>A client of the Admin API with the given store's token (the default store's when none is given).</summary>
    public HttpClient AdminClient(string? accessToken = null)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Add("X-Shopify-Access-Token", accessToken ?? AccessToken);
        return http;
    }

    /// <summary>Another store, with the app installed and a token of its own.</summary>
    public (Shop Shop, string AccessToken) AddShop(string domain)
    {
        var shop = Shops.Add(domain);
        var token = "shpat_" + ShopRegistry.Secret(16);
        shop.AccessTokens.Add(token);
        return (shop, token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
