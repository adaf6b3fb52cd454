using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ShopFloor.WooEmulator.Store;
using ShopFloor.WooEmulator.Webhooks;

namespace ShopFloor.WooEmulator;

/// <summary>
/// The WooCommerce emulator in-process on a free loopback port, for tests, benchmarks and the demo: real HTTP, plus
/// direct access to the stores and what a shopper, the merchant or a shipping app does in them.
/// </summary>
public sealed class WooEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WooEmulatorServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public StoreRegistry Stores => _app.Services.GetRequiredService<StoreRegistry>();
    public Checkout Checkout => _app.Services.GetRequiredService<Checkout>();
    public WebhookSender Webhooks => _app.Services.GetRequiredService<WebhookSender>();

    public static async Task<WooEmulatorServer> StartAsync(TimeProvider? clock = null)
    {
        var app = WooEmulatorApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], clock);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WooEmulatorServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>A new store, empty, with its REST API keys.</summary>
    public WooStore AddStore(string? name = null) => Stores.Add(BaseAddress, name);

    /// <summary>Reads or changes a store's state directly, holding its gate as every REST call does.</summary>
    public async Task<T> InStoreAsync<T>(WooStore store, Func<WooStore, T> action)
    {
        await store.Gate.WaitAsync();
        try
        {
            return action(store);
        }
        finally
        {
            store.Gate.Release();
        }
    }

    /// <summary>A shopper checks out and pays: the order is processing and its stock is taken.</summary>
    public Task<WooOrder> PlaceOrderAsync(WooStore store, params LineDraft[] lines) =>
        InStoreAsync(store, s => Checkout.Place(s, lines, new WooAddress("Ada", "Lovelace", "ada@example.com")));

    /// <summary>A shipping app (ShipStation) ships the order: it marks it completed, with its tracking number.</summary>
    public Task<WooOrder> ShipAsync(WooStore store, WooOrder order, string trackingNumber = "1Z999") => InStoreAsync(store, s =>
    {
        order.Tracking.Add(("UPS", trackingNumber));
        Checkout.SetStatus(s, order, OrderStatus.Completed);
        return order;
    });

    /// <summary>A REST API client of the store, authenticated with its keys by HTTP Basic.</summary>
    public HttpClient RestClient(WooStore store)
    {
        var http = new HttpClient { BaseAddress = new Uri(store.Url + "/wp-json/wc/v3/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{store.ConsumerKey}:{store.ConsumerSecret}")));
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
