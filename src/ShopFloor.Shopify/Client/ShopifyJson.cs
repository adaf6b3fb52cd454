using System.Text.Json;

namespace ShopFloor.Shopify.Client;

/// <summary>
/// How Shopify's GraphQL answers are read into typed records: camelCase names, and money amounts (Shopify's
/// <c>Decimal</c> scalar is a JSON string) read as decimals.
/// </summary>
public static class ShopifyJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static T Read<T>(JsonElement element) =>
        element.Deserialize<T>(Options) ?? throw new ShopifyException($"Shopify answered null where a {typeof(T).Name} was expected.");
}
