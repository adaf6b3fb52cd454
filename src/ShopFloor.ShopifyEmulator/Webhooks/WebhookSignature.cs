using System.Security.Cryptography;
using System.Text;

namespace ShopFloor.ShopifyEmulator.Webhooks;

/// <summary>X-Shopify-Hmac-Sha256: base64 of HMAC-SHA256 over the raw body, keyed with the app's secret.</summary>
public static class WebhookSignature
{
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
