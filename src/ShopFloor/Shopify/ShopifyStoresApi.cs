using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShopFloor.Api;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Integrations;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Jobs;
using ShopFloor.Shopify.Sync;

namespace ShopFloor.Shopify;

/// <summary>/v1/shopify/stores: connection, state, location mapping, settings, activate / pause and imports (R-CON, R-CFG, R-IMP).</summary>
public static class ShopifyStoresApi
{
    public static void MapShopifyStores(this IEndpointRouteBuilder v1)
    {
        var stores = v1.MapGroup("/shopify/stores").WithTags("Shopify");
        stores.MapGet("", async (ShopFloorDbContext db, StoreConfiguration configuration, CancellationToken ct) =>
        {
            var all = await db.Set<ShopifyStore>().OrderBy(s => s.Id).ToListAsync(ct);
            var data = new List<StoreResponse>();
            foreach (var store in all)
                data.Add(StoreResponse.From(store, await configuration.StateAsync(store, ct)));
            return new ListResponse<StoreResponse>(data);
        });
        stores.MapPost("", async (ConnectStoreRequest request, StoreConnections connections, StoreConfiguration configuration, CancellationToken ct) =>
        {
            var store = await connections.ConnectWithTokenAsync(request.ShopDomain, request.AccessToken, ct);
            return TypedResults.Created($"/v1/shopify/stores/{store.Id}", StoreResponse.From(store, await configuration.StateAsync(store, ct)));
        });
        stores.MapGet("/{id:long}", async (long id, StoreConnections connections, StoreConfiguration configuration, CancellationToken ct) =>
        {
            var store = await connections.FindAsync(id, ct);
            return TypedResults.Ok(StoreResponse.From(store, await configuration.StateAsync(store, ct)));
        });
        stores.MapDelete("/{id:long}", async (long id, SyncLifecycle lifecycle, StoreConfiguration configuration, CancellationToken ct) =>
        {
            var store = await lifecycle.DisconnectAsync(id, ct);
            return TypedResults.Ok(StoreResponse.From(store, await configuration.StateAsync(store, ct)));
        });

        stores.MapGet("/{id:long}/locations", async (long id, bool? refresh, StoreConnections connections, StoreConfiguration configuration, LocationSync sync,
            CancellationToken ct) =>
        {
            await connections.FindAsync(id, ct);
            if (refresh == true)
                await sync.RefreshAsync(id, ct);
            var locations = await configuration.LocationsAsync(id, ct);
            return new ListResponse<ShopifyLocationResponse>(locations.Select(ShopifyLocationResponse.From).ToList());
        });
        stores.MapPut("/{id:long}/location_mappings", async (long id, IReadOnlyList<LocationMappingRequest> request, StoreConnections connections,
            StoreConfiguration configuration, CancellationToken ct) =>
        {
            await connections.FindAsync(id, ct);
            var locations = await configuration.MapLocationsAsync(id, request.Rows("location_mappings").Select((m, i) => new LocationMappingInput(
                m.ShopifyLocationId ?? throw new ValidationFailedException($"[{i}].shopify_location_id", "is required"), m.LocationId)).ToList(), ct);
            return new ListResponse<ShopifyLocationResponse>(locations.Select(ShopifyLocationResponse.From).ToList());
        });

        stores.MapGet("/{id:long}/settings", async (long id, StoreConnections connections, StoreConfiguration configuration, CancellationToken ct) =>
            await SettingsAsync(await connections.FindAsync(id, ct), configuration, ct));
        stores.MapPatch("/{id:long}/settings", async (long id, JsonElement patch, StoreConnections connections, StoreConfiguration configuration,
            IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct) =>
        {
            var store = await connections.FindAsync(id, ct);
            await configuration.ChangeSettingsAsync(store, current => Merge(current, patch, json.Value.SerializerOptions), ct);
            return await SettingsAsync(store, configuration, ct);
        });
        stores.MapPost("/{id:long}/settings/apply", async (long id, StoreConnections connections, StoreConfiguration configuration, CancellationToken ct) =>
            await SettingsAsync(await configuration.ApplySettingsAsync(await connections.FindAsync(id, ct), ct), configuration, ct));
        stores.MapPost("/{id:long}/activate", async (long id, StoreConnections connections, StoreConfiguration configuration, SyncLifecycle lifecycle, CancellationToken ct) =>
        {
            var store = await lifecycle.ActivateAsync(await connections.FindAsync(id, ct), ct);
            return StoreResponse.From(store, await configuration.StateAsync(store, ct));
        });
        stores.MapPost("/{id:long}/pause", async (long id, StoreConnections connections, StoreConfiguration configuration, SyncLifecycle lifecycle, CancellationToken ct) =>
        {
            var store = await lifecycle.PauseAsync(await connections.FindAsync(id, ct), ct);
            return StoreResponse.From(store, await configuration.StateAsync(store, ct));
        });

        stores.MapPost("/{id:long}/imports", async (long id, StartImportRequest request, StoreConnections connections, ImportQueue imports, CancellationToken ct) =>
        {
            var type = request.TypeAmong(ImportType.Products, ImportType.Customers, ImportType.InitialStock, ImportType.Orders, ImportType.Reconcile);
            var job = await imports.StartAsync(await connections.FindAsync(id, ct), type, ct);
            return TypedResults.Created($"/v1/shopify/stores/{id}/imports/{job.Id}", ImportResponse.From(job));
        });
        stores.MapPost("/{id:long}/reconcile", async (long id, StoreConnections connections, ImportQueue imports, CancellationToken ct) =>
        {
            var store = await connections.FindAsync(id, ct);
            if (!store.SyncActive)
                throw new DomainException("Reconciliation runs while sync is active; activate sync first.");
            var job = await imports.StartAsync(store, ImportType.Reconcile, ct);
            return TypedResults.Accepted($"/v1/shopify/stores/{id}/imports/{job.Id}", ImportResponse.From(job));
        });
        stores.MapGet("/{id:long}/sync_log", async (long id, bool? needs_action, string? subject, int? page, int? limit,
            StoreConnections connections, SyncLogReader log, HttpContext http, CancellationToken ct) =>
        {
            await connections.FindAsync(id, ct);
            return await log.Of(ShopifyChannel.Store(id), needs_action == true, subject).ToPageAsync(new PageQuery(limit, page), http, SyncLogResponse.From, ct);
        });
        stores.MapGet("/{id:long}/imports", async (long id, ImportJobs jobs, CancellationToken ct) =>
            new ListResponse<ImportResponse>((await jobs.LatestAsync(ShopifyChannel.Store(id), 50, ct)).Select(ImportResponse.From).ToList()));
        stores.MapGet("/{id:long}/imports/{importId:long}", async (long id, long importId, ImportJobs jobs, CancellationToken ct) =>
            ImportResponse.From(await jobs.FindAsync(ShopifyChannel.Store(id), importId, ct)));
    }

    private static async Task<SettingsResponse> SettingsAsync(ShopifyStore store, StoreConfiguration configuration, CancellationToken ct) =>
        new(store.Settings, store.StagedSettings, EnumNames.Upper(await configuration.StateAsync(store, ct)));

    /// <summary>PATCH: the fields sent replace the current ones; unknown fields are an error, not silently ignored.</summary>
    private static StoreSettings Merge(StoreSettings current, JsonElement patch, JsonSerializerOptions json)
    {
        if (patch.ValueKind != JsonValueKind.Object)
            throw new ValidationFailedException("settings", "must be a JSON object");
        var merged = JsonSerializer.SerializeToNode(current, json)!.AsObject();
        // From the type, not the serialised value, which leaves out the settings that are unset.
        var known = json.GetTypeInfo(typeof(StoreSettings)).Properties.Select(p => p.Name).ToHashSet();
        foreach (var field in patch.EnumerateObject())
        {
            if (!known.Contains(field.Name))
                throw new ValidationFailedException(field.Name, $"is not a setting; settings are {string.Join(", ", known)}");
            merged[field.Name] = System.Text.Json.Nodes.JsonNode.Parse(field.Value.GetRawText());
        }
        try
        {
            return merged.Deserialize<StoreSettings>(json)!;
        }
        catch (JsonException e)
        {
            throw new ValidationFailedException("settings", e.Message);
        }
    }
}
