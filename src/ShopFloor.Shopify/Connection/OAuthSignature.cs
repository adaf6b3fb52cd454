using System.Security.Cryptography;
using System.Text;

namespace ShopFloor.Shopify.Connection;

/// <summary>The HMAC of Shopify's OAuth callback query: hmac and signature dropped, the rest sorted, hex HMAC-SHA256.</summary>
public static class OAuthSignature
{
    public static bool IsValid(string secret, IEnumerable<KeyValuePair<string, string>> query)
    {
        var parameters = query.ToList();
        var given = parameters.FirstOrDefault(p => p.Key == "hmac").Value;
        if (string.IsNullOrEmpty(given))
            return false;
        var expected = Sign(secret, parameters);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given.ToLowerInvariant()));
    }

    public static string Sign(string secret, IEnumerable<KeyValuePair<string, string>> parameters) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(string.Join('&', parameters
            .Where(p => p.Key is not ("hmac" or "signature"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}")))));
}
