using System.Text.RegularExpressions;

namespace ShopFloor.Shopify.Connection;

/// <summary>SHOPIFY-FACTS: a shop domain is <c>name.myshopify.com</c>; a configured pattern may allow a test domain.</summary>
public static partial class ShopDomain
{
    public static bool IsValid(string? domain, string? extraPattern) =>
        domain is not null && (MyShopify().IsMatch(domain) || (extraPattern is not null && Regex.IsMatch(domain, extraPattern, RegexOptions.None, TimeSpan.FromSeconds(1))));

    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9\-]*\.myshopify\.com$")]
    private static partial Regex MyShopify();
}
