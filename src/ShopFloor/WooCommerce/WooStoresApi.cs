using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Channels.Links;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Integrations;
using ShopFloor.WooCommerce.Connection;
using ShopFloor.WooCommerce.Mapping;
using ShopFloor.WooCommerce.Orders;
using ShopFloor.WooCommerce.Sync;

namespace ShopFloor.WooCommerce;

public sealed record ConnectWooStoreRequest(string? Url, string? ConsumerKey, string? ConsumerSecret, long? LocationId);

/// <param name="State">SYNC_ACTIVE, SYNC_INACTIVE (paused) or NOT_CONNECTED, as a Shopify store's.</param>
public sealed record WooStoreResponse(long Id, string Url, string Name, long LocationId, bool SyncActive, string State, WooStoreSettings Settings,
    DateTime ConnectedAt, int LinkedVariants, IReadOnlyList<string>? UnknownSkus = null)
{
    public static WooStoreResponse From(WooStore store, int linked, IReadOnlyList<string>? unknownSkus = null) =>
        new(store.Id, store.Url, store.Name, store.LocationId, store.SyncActive, StateOf(store), store.Settings, store.ConnectedAt, linked, unknownSkus);

    public static string StateOf(WooStore store) => EnumNames.Upper(store.State);
}

/// <summary>The settings to change; those left out keep their value.</summary>
public sealed record WooSettingsRequest(bool? InventorySync, bool? ImportOnHoldOrders, bool? ShippingFeeRow, bool? DeliveriesFromStore, bool? DeliveriesToStore,
    bool? CreateReturns)
{
    public WooStoreSettings Over(WooStoreSettings current) => current with
    {
        InventorySync = InventorySync ?? current.InventorySync,
        ImportOnHoldOrders = ImportOnHoldOrders ?? current.ImportOnHoldOrders,
        ShippingFeeRow = ShippingFeeRow ?? current.ShippingFeeRow,
        DeliveriesFromStore = DeliveriesFromStore ?? current.DeliveriesFromStore,
        DeliveriesToStore = DeliveriesToStore ?? current.DeliveriesToStore,
        CreateReturns = CreateReturns ?? current.CreateReturns,
    };
}

/// <summary>/v1/woocommerce/stores: connect a WooCommerce store with its REST API keys, list, disconnect, catch up on its orders now, import its products, reconcile its stock, pause and resume, change its settings, read its sync log.</summary>
public static class WooStoresApi
{
    public static void MapWooStores(this IEndpointRouteBuilder v1)
    {
        var stores = v1.MapGroup("/woocommerce/stores").WithTags("WooCommerce");
        stores.MapGet("", ListAsync);
        stores.MapPost("", ConnectAsync);
        stores.MapGet("/{id:long}", GetAsync);
        stores.MapDelete("/{id:long}", DisconnectAsync);
        stores.MapPost("/{id:long}/catch_up", (long id, WooCatchUp catchUp, CancellationToken ct) => catchUp.RunAsync(id, ct));
        stores.MapGet("/{id:long}/sync_log", SyncLogAsync);
        stores.MapPost("/{id:long}/imports", StartImportAsync);
        stores.MapPost("/{id:long}/pause", async (long id, WooSyncControl sync, ShopFloorDbContext db, CancellationToken ct) =>
            await ResponseAsync(db, (await sync.PauseAsync(id, ct)).Store, ct));
        stores.MapPost("/{id:long}/resume", async (long id, WooSyncControl sync, ShopFloorDbContext db, CancellationToken ct) =>
            await ResponseAsync(db, (await sync.ResumeAsync(id, ct)).Store, ct));
        stores.MapPatch("/{id:long}/settings", ChangeSettingsAsync);
        stores.MapGet("/{id:long}/imports", async (long id, ImportJobs jobs, CancellationToken ct) =>
            new ListResponse<ImportResponse>((await jobs.LatestAsync(WooChannel.Store(id), 50, ct)).Select(ImportResponse.From).ToList()));
        stores.MapGet("/{id:long}/imports/{importId:long}", async (long id, long importId, ImportJobs jobs, CancellationToken ct) =>
            ImportResponse.From(await jobs.FindAsync(WooChannel.Store(id), importId, ct)));
    }

    /// <summary>products: the store's catalogue into ShopFloor; customers: its registered customers; reconcile: every linked level compared and set right.</summary>
    private static async Task<IResult> StartImportAsync(long id, StartImportRequest request, WooStores stores, CancellationToken ct)
    {
        var job = await stores.StartJobAsync(id, request.TypeAmong(ImportType.Products, ImportType.Customers, ImportType.Reconcile), ct);
        return TypedResults.Created($"/v1/woocommerce/stores/{id}/imports/{job.Id}", ImportResponse.From(job));
    }

    private static async Task<ListResponse<SyncLogResponse>> SyncLogAsync(long id, bool? needs_action, string? subject, int? page, int? limit,
        SyncLogReader log, ShopFloorDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!await db.Set<WooStore>().AnyAsync(s => s.Id == id, ct))
            throw new NotFoundException("WooCommerce store", id);
        return await log.Of(WooChannel.Store(id), needs_action == true, subject).ToPageAsync(new PageQuery(limit, page), http, SyncLogResponse.From, ct);
    }

    private static async Task<ListResponse<WooStoreResponse>> ListAsync(ShopFloorDbContext db, CancellationToken ct)
    {
        var linked = await db.Set<SkuLink>().Where(l => l.Channel == WooChannel.Name).GroupBy(l => l.StoreId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var stores = await db.Set<WooStore>().AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        return new ListResponse<WooStoreResponse>(stores.Select(s => WooStoreResponse.From(s, linked.GetValueOrDefault(s.Id))).ToList());
    }

    private static async Task<WooStoreResponse> GetAsync(long id, ShopFloorDbContext db, CancellationToken ct) =>
        await ResponseAsync(db, await db.Set<WooStore>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("WooCommerce store", id), ct);

    private static async Task<IResult> ConnectAsync(ConnectWooStoreRequest request, WooStores stores, CancellationToken ct)
    {
        var connection = await stores.ConnectAsync(new ConnectWooStore(request.Url, request.ConsumerKey, request.ConsumerSecret, request.LocationId), ct);
        return TypedResults.Created($"/v1/woocommerce/stores/{connection.Store.Id}",
            WooStoreResponse.From(connection.Store, connection.Skus.Linked, connection.Skus.UnknownSkus));
    }

    private static async Task<WooStoreResponse> ChangeSettingsAsync(long id, WooSettingsRequest request, WooSyncControl sync, ShopFloorDbContext db,
        CancellationToken ct)
    {
        var current = await db.Set<WooStore>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("WooCommerce store", id);
        return await ResponseAsync(db, (await sync.ChangeSettingsAsync(id, request.Over(current.Settings), ct)).Store, ct);
    }

    private static async Task<WooStoreResponse> ResponseAsync(ShopFloorDbContext db, WooStore store, CancellationToken ct) =>
        WooStoreResponse.From(store, await db.LinksOf(WooChannel.Store(store.Id)).CountAsync(ct));

    private static async Task<WooStoreResponse> DisconnectAsync(long id, WooStores stores, ShopFloorDbContext db, CancellationToken ct)
    {
        await stores.DisconnectAsync(id, ct);
        var store = await db.Set<WooStore>().AsNoTracking().FirstAsync(s => s.Id == id, ct);
        return WooStoreResponse.From(store, await db.LinksOf(WooChannel.Store(id)).CountAsync(ct));
    }
}
