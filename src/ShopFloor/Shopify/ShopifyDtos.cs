using System.Text.Json.Serialization;
using ShopFloor.Api;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.Jobs;
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

