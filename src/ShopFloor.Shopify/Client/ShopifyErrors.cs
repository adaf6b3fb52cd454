namespace ShopFloor.Shopify.Client;

/// <summary>Shopify answered, but not with data: a refusal, an unknown token, an error of the request.</summary>
public class ShopifyException(string message) : Core.Channels.ChannelException(message);

public sealed class ShopifyUnauthorizedException(string shop)
    : ShopifyException($"Shopify refused the access token of {shop} (revoked or wrong).");
