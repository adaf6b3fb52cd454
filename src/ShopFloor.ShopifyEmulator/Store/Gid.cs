namespace ShopFloor.ShopifyEmulator.Store;

/// <summary>Shopify's global ids: gid://shopify/Product/123.</summary>
public static class Gid
{
    public static string Of(string type, long id) => $"gid://shopify/{type}/{id}";

    public static long Id(string? gid, string type)
    {
        var prefix = $"gid://shopify/{type}/";
        return gid is not null && gid.StartsWith(prefix, StringComparison.Ordinal) && long.TryParse(gid.AsSpan(prefix.Length), out var id)
            ? id
            : throw new ArgumentException($"'{gid}' is not a {type} id.");
    }

    public static bool TryId(string? gid, string type, out long id)
    {
        id = 0;
        var prefix = $"gid://shopify/{type}/";
        return gid is not null && gid.StartsWith(prefix, StringComparison.Ordinal) && long.TryParse(gid.AsSpan(prefix.Length), out id);
    }
}
