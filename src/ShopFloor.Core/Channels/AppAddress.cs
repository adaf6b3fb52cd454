using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ShopFloor.Core.Channels;

/// <summary>ShopFloor's public address, where stores send webhooks: ShopFloor:Sync:AppUrl, else the address this server listens on.</summary>
public sealed class AppAddress(IOptions<SyncOptions> options, IServer? server = null)
{
    public Uri Of(string path)
    {
        var baseUrl = options.Value.AppUrl is { Length: > 0 } configured
            ? configured
            : server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
              ?? throw new InvalidOperationException("Set ShopFloor__Sync__AppUrl to ShopFloor's public address.");
        return new Uri(new Uri(baseUrl.Replace("://+", "://localhost").Replace("://*", "://localhost").TrimEnd('/') + "/"), path.TrimStart('/'));
    }
}
