using System.Net;
using ShopFloor.Core.Channels;

namespace ShopFloor.WooCommerce.Client;

/// <summary>A WooCommerce store refused or failed a call; <see cref="Status"/> is the HTTP status it answered.</summary>
public sealed class WooException(HttpStatusCode status, string message) : ChannelException(message)
{
    public HttpStatusCode Status { get; } = status;

    public bool KeysRefused => Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
