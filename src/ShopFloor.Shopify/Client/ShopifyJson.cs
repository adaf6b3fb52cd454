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

/// <summary>A GraphQL connection read for its nodes.</summary>
public sealed record Connection<T>(IReadOnlyList<T> Nodes);

/// <summary>A node read for its id only (<c>location { id }</c>).</summary>
public sealed record IdOnly(string Id);

/// <summary>A MoneyBag read for its shop-currency amount (<c>priceSet { shopMoney { amount } }</c>).</summary>
public sealed record MoneyBag(MoneyV2 ShopMoney)
{
    public decimal Amount => ShopMoney.Amount;
}

public sealed record MoneyV2(decimal Amount);
