using System.Text.Json.Serialization;
using ShopFloor.Api;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Jobs;

namespace ShopFloor.Shopify;

public sealed record ConnectStoreRequest(string? ShopDomain, string? AccessToken);

public sealed record StoreResponse(
    long Id, string ShopDomain, string? Name, string State, DateTime? AuthorizedAt, DateTime? ActivatedAt, bool HasStagedSettings,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    public static StoreResponse From(ShopifyStore s, StoreState state) => new(
        s.Id, s.ShopDomain, s.Name, EnumNames.Upper(state), s.AuthorizedAt, s.ActivatedAt, s.StagedSettings is not null, s.CreatedAt, s.UpdatedAt);
}

public sealed record ShopifyLocationResponse(string ShopifyLocationId, string Name, bool IsActive, long? LocationId)
{
    public static ShopifyLocationResponse From(ShopifyLocation l) => new(l.ShopifyLocationId, l.Name, l.IsActive, l.LocationId);
}

public sealed record LocationMappingRequest(string? ShopifyLocationId, long? LocationId);

public sealed record SettingsResponse(
    StoreSettings Settings, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] StoreSettings? StagedSettings, string State);

public sealed record StartImportRequest(string? Type);

public sealed record ImportResponse(
    long Id, long StoreId, string Type, string Status, int Done, int? Total, IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<ImportError> Errors, string? Failure, int Attempts, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt)
{
    public static ImportResponse From(ImportJob j) => new(
        j.Id, j.StoreId, EnumNames.Upper(j.Type).ToLowerInvariant(), EnumNames.Upper(j.Status), j.Done, j.Total, j.Counts, j.Errors,
        j.Failure, j.Attempts, j.CreatedAt, j.StartedAt, j.FinishedAt);
}

