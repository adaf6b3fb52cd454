using Microsoft.AspNetCore.DataProtection;

namespace ShopFloor.WooCommerce.Connection;

public sealed record WooCredentials(Uri ApiBase, string ConsumerKey, string ConsumerSecret);

/// <summary>The store's REST API keys and webhook secret, encrypted at rest.</summary>
public sealed class WooKeys(IDataProtectionProvider protection)
{
    private readonly IDataProtector _keys = protection.CreateProtector("ShopFloor.WooCommerce.Keys");

    public string Protect(string consumerKey, string consumerSecret) => _keys.Protect($"{consumerKey}\n{consumerSecret}");

    public string ProtectSecret(string secret) => _keys.Protect(secret);

    public WooCredentials CredentialsOf(WooStore store)
    {
        var keys = _keys.Unprotect(store.EncryptedKeys).Split('\n');
        return new WooCredentials(ApiBaseOf(store.Url), keys[0], keys[1]);
    }

    public string WebhookSecretOf(WooStore store) => _keys.Unprotect(store.EncryptedWebhookSecret);

    public static Uri ApiBaseOf(string siteUrl) => new(siteUrl.TrimEnd('/') + "/wp-json/wc/v3/");
}
