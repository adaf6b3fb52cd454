using System.Security.Cryptography;
using System.Text;

namespace ShopFloor.ShopifyEmulator.OAuth;

/// <summary>The query-string signature of Shopify's OAuth redirects: hmac and signature dropped, the rest sorted, hex HMAC-SHA256.</summary>
public static class OAuthHmac
{
    public static string Sign(string secret, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var message = string.Join('&', parameters
            .Where(p => p.Key is not ("hmac" or "signature"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message)));
    }
}
