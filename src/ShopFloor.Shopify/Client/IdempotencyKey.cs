using System.Security.Cryptography;
using System.Text.Json;

namespace ShopFloor.Shopify.Client;

/// <summary>
/// The key of a mutation sent with @idempotent(key:): derived from the mutation's input and the one operation it
/// belongs to, so every retry of that operation (the resilience pipeline's, a throttled call's) carries the same
/// key and Shopify answers the first result instead of applying twice — while a later operation that happens to
/// send the same values (Available 5 → 4 again, a day later) gets a key of its own and is applied.
/// </summary>
public static class IdempotencyKey
{
    public static string For(Guid operation, object input)
    {
        var hash = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { operation, input }));
        return $"shopfloor-{Convert.ToHexStringLower(hash.AsSpan(0, 16))}";
    }
}
