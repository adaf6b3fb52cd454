using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Integrations;
using ShopFloor.WooCommerce.Connection;
using ShopFloor.WooCommerce.Mapping;
using ShopFloor.WooCommerce.Orders;

namespace ShopFloor.WooCommerce;

public sealed record ConnectWooStoreRequest(string? Url, string? ConsumerKey, string? ConsumerSecret, long? LocationId);

public sealed record WooStoreResponse(long Id, string Url, string Name, long LocationId, bool SyncActive, DateTime ConnectedAt, int LinkedVariants,
    IReadOnlyList<string>? UnknownSkus = null)
{
    public static WooStoreResponse From(WooStore store, int linked, IReadOnlyList<string>? unknownSkus = null) =>
        new(store.Id, store.Url, store.Name, store.LocationId, store.SyncActive, store.ConnectedAt, linked, unknownSkus);
}

/// <summary>/v1/woocommerce/stores: connect a WooCommerce store with its REST API keys, list, disconnect, catch up on its orders now, import its products, reconcile its stock, read its sync log.</summary>
public static class WooStoresApi
{
    public static void MapWooStores(this IEndpointRouteBuilder v1)
    {
        var stores = v1.MapGroup("/woocommerce/stores").WithTags("WooCommerce");
        stores.MapGet("", ListAsync);
        stores.MapPost("", ConnectAsync);
        stores.MapDelete("/{id:long}", DisconnectAsync);
        stores.MapPost("/{id:long}/catch_up", (long id, WooCatchUp catchUp, CancellationToken ct) => catchUp.RunAsync(id, ct));
        stores.MapGet("/{id:long}/sync_log", SyncLogAsync);
        stores.MapPost("/{id:long}/imports", StartImportAsync);
        stores.MapGet("/{id:long}/imports", async (long id, ImportJobs jobs, CancellationToken ct) =>
            new ListResponse<ImportResponse>((await jobs.LatestAsync(WooChannel.Store(id), 50, ct)).Select(ImportResponse.From).ToList()));
        stores.MapGet("/{id:long}/imports/{importId:long}", async (long id, long importId, ImportJobs jobs, CancellationToken ct) =>
            ImportResponse.From(await jobs.FindAsync(WooChannel.Store(id), importId, ct)));
    }

    /// <summary>products: the store's catalogue into ShopFloor; reconcile: every linked level compared and set right.</summary>
    private static async Task<IResult> StartImportAsync(long id, StartImportRequest request, WooStores stores, CancellationToken ct)
    {
        var job = await stores.StartJobAsync(id, request.TypeAmong(ImportType.Products, ImportType.Reconcile), ct);
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
        var linked = await db.Set<WooProductLink>().GroupBy(l => l.StoreId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var stores = await db.Set<WooStore>().AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        return new ListResponse<WooStoreResponse>(stores.Select(s => WooStoreResponse.From(s, linked.GetValueOrDefault(s.Id))).ToList());
    }

    private static async Task<IResult> ConnectAsync(ConnectWooStoreRequest request, WooStores stores, CancellationToken ct)
    {
        var connection = await stores.ConnectAsync(new ConnectWooStore(request.Url, request.ConsumerKey, request.ConsumerSecret, request.LocationId), ct);
        return TypedResults.Created($"/v1/woocommerce/stores/{connection.Store.Id}",
            WooStoreResponse.From(connection.Store, connection.Skus.Linked, connection.Skus.UnknownSkus));
    }

    private static async Task<WooStoreResponse> DisconnectAsync(long id, WooStores stores, ShopFloorDbContext db, CancellationToken ct)
    {
        await stores.DisconnectAsync(id, ct);
        var store = await db.Set<WooStore>().AsNoTracking().FirstAsync(s => s.Id == id, ct);
        return WooStoreResponse.From(store, await db.Set<WooProductLink>().CountAsync(l => l.StoreId == id, ct));
    }
}
