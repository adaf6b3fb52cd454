using Microsoft.AspNetCore.DataProtection;
using ShopFloor.Shopify.Client;

namespace ShopFloor.Shopify.Connection;

/// <summary>Access tokens at rest are encrypted with ASP.NET Core Data Protection (keys kept in the database).</summary>
public sealed class TokenVault(IDataProtectionProvider protection)
{
    private readonly IDataProtector _tokens = protection.CreateProtector("ShopFloor.Shopify.AccessTokens");

    public string Protect(string accessToken) => _tokens.Protect(accessToken);

    public ShopifyCredentials CredentialsOf(ShopifyStore store) =>
        new(store.ShopDomain, _tokens.Unprotect(store.EncryptedAccessToken ?? throw new ShopifyException($"{store.ShopDomain} is not connected.")));
}
