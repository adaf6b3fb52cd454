using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Data;
using ShopFloor.Core.Inventory;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Jobs;
using ShopFloor.Shopify.Sync;
using ShopFloor.ShopifyEmulator;
using ShopFloor.ShopifyEmulator.Store;
using ShopFloor.WooCommerce.Connection;
using ShopFloor.WooEmulator;

namespace ShopFloor.Demo;

/// <summary>
/// Once the server listens: sample products in the demo store, a workshop in ShopFloor with stock and a recipe,
/// the store connected, its products imported, its location mapped, sync active, and a few orders placed.
/// </summary>
internal sealed class DemoSeeder(EmulatorServer emulator, WooEmulatorServer woo, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock,
    ILogger<DemoSeeder> logger) : BackgroundService
{
    private static readonly (string Title, string Sku, decimal Price, int ShopifyStock)[] Products =
    [
        ("Stoneware mug", "MUG-STONE", 24m, 12),
        ("Beeswax candle", "CANDLE-BEE", 18m, 30),
        ("Linen tea towel", "TOWEL-LINEN", 16m, 8),
        ("Walnut serving board", "BOARD-WALNUT", 65m, 3),
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        try
        {
            await SeedAsync(stoppingToken);
            await SeedWooAsync(stoppingToken);
            Console.WriteLine($"Demo store {emulator.DefaultShop.Domain} is connected and synced; place orders on the Demo store page.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The demo store could not be set up");
        }
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var shop = emulator.DefaultShop;
        var online = await emulator.InShopAsync(shop, s =>
        {
            var location = s.Locations.FirstOrDefault() ?? s.AddLocation("Online store", now);
            foreach (var (title, sku, price, stock) in Products)
            {
                var product = new ShopProduct { Id = s.NextId(), Title = title, CreatedAt = now, UpdatedAt = now };
                s.Products.Add(product);
                s.Level(s.AddVariant(product, sku, price, null, now).InventoryItem.Id, location.Id)!.Available = stock;
            }
            return location;
        });

        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ShopFloorDbContext>();
        var workshop = new Location("Workshop", now);
        db.Locations.Add(workshop);
        var clay = new Item(ItemKind.Material, "Stoneware clay (kg)", now) { IsPurchasable = true };
        var clayVariant = clay.AddVariant("CLAY-KG", now);
        db.Items.Add(clay);
        await db.SaveChangesAsync(ct);

        var store = await services.GetRequiredService<StoreConnections>().ConnectWithTokenAsync(shop.Domain, emulator.AccessToken, ct);
        var job = await services.GetRequiredService<ImportQueue>().StartAsync(store, ImportType.Products, ct);
        while (await db.Set<ImportJob>().AsNoTracking().Where(j => j.Id == job.Id).Select(j => j.Status).FirstAsync(ct) is ImportStatus.Queued or ImportStatus.Running)
            await Task.Delay(200, ct);
        var shopifyLocation = (await services.GetRequiredService<StoreConfiguration>().LocationsAsync(store.Id, ct)).Single(l => l.ShopifyLocationId.EndsWith($"/{online.Id}", StringComparison.Ordinal));
        await services.GetRequiredService<StoreConfiguration>().MapLocationsAsync(store.Id, [new LocationMappingInput(shopifyLocation.ShopifyLocationId, workshop.Id)], ct);

        // ShopFloor's stock, which the activation then sets in Shopify; the mug is made from clay.
        var variants = db.Variants.Where(v => v.Sku != null).ToDictionary(v => v.Sku!, v => v.Id);
        db.BomRows.Add(new BomRow(variants["MUG-STONE"], clayVariant.Id, 0.4m, now));
        await db.SaveChangesAsync(ct);
        await services.GetRequiredService<StockAdjustments>().CreateAsync(new CreateStockAdjustment(null, workshop.Id, "Demo opening stock", null, null,
            [.. Products.Select(p => new AdjustmentRowInput(variants[p.Sku], p.ShopifyStock, null)), new AdjustmentRowInput(clayVariant.Id, 10, null)]), ct);
        await services.GetRequiredService<SyncLifecycle>().ActivateAsync(await services.GetRequiredService<StoreConnections>().FindAsync(store.Id, ct), ct);

        var mug = shop.Variants.First(v => v.Sku == "MUG-STONE");
        var candle = shop.Variants.First(v => v.Sku == "CANDLE-BEE");
        var board = shop.Variants.First(v => v.Sku == "BOARD-WALNUT");
        await emulator.PlaceOrderAsync(shop, new OrderDraft([new LineDraft(mug, null, null, 2, null), new LineDraft(candle, null, null, 1, null)],
            Email: "ada@example.com", Shipping: [("Standard", 5m)]));
        await emulator.PlaceOrderAsync(shop, new OrderDraft([new LineDraft(board, null, null, 5, null)], Email: "grace@example.com"));
    }

    /// <summary>
    /// A WooCommerce store selling the same products from the same workshop: connected with its keys, its stock set
    /// from ShopFloor's, and one order placed — a sale in either store lowers Available in the other.
    /// </summary>
    private async Task SeedWooAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var store = woo.AddStore(DemoWooStore.Name);
        await woo.InStoreAsync(store, s => Products.Select(p => s.AddProduct(p.Title, p.Sku, p.Price, 0, now)).ToList());
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var workshop = await services.GetRequiredService<ShopFloorDbContext>().Locations.Where(l => l.Name == "Workshop").Select(l => l.Id).FirstAsync(ct);
        await services.GetRequiredService<WooStores>().ConnectAsync(new ConnectWooStore(store.Url, store.ConsumerKey, store.ConsumerSecret, workshop), ct);
        await woo.PlaceOrderAsync(store, new WooEmulator.Store.LineDraft("CANDLE-BEE", 2));
    }
}

/// <summary>The demo's WooCommerce store, as the demo page finds it in the emulator.</summary>
internal static class DemoWooStore
{
    public const string Name = "demo-woo";
}
