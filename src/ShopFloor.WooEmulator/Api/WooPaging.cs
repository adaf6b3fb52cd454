using System.Globalization;
using System.Text.Json.Nodes;

namespace ShopFloor.WooEmulator.Api;

/// <summary>
/// WordPress paging: <c>per_page</c> (default 10, 1 to 100) and <c>page</c> (from 1); the totals in
/// <c>X-WP-Total</c> and <c>X-WP-TotalPages</c>, the neighbours in a <c>Link</c> header.
/// </summary>
public static class WooPaging
{
    public static IResult Page<T>(HttpContext http, IReadOnlyList<T> all, Func<T, JsonObject> shape)
    {
        var query = http.Request.Query;
        var perPage = 10;
        if (query.TryGetValue("per_page", out var perPageText)
            && (!int.TryParse(perPageText, NumberStyles.None, CultureInfo.InvariantCulture, out perPage) || perPage is < 1 or > 100))
            return WooErrors.InvalidParam("per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)");
        var page = 1;
        if (query.TryGetValue("page", out var pageText) && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            return WooErrors.InvalidParam("page", "page must be greater than or equal to 1");
        var pages = (all.Count + perPage - 1) / perPage;
        http.Response.Headers["X-WP-Total"] = all.Count.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-WP-TotalPages"] = pages.ToString(CultureInfo.InvariantCulture);
        var links = new List<string>();
        var self = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}";
        if (page > 1)
            links.Add($"<{self}?page={page - 1}&per_page={perPage}>; rel=\"prev\"");
        if (page < pages)
            links.Add($"<{self}?page={page + 1}&per_page={perPage}>; rel=\"next\"");
        if (links.Count > 0)
            http.Response.Headers.Link = string.Join(", ", links);
        return Results.Json(new JsonArray([.. all.Skip((page - 1) * perPage).Take(perPage).Select(x => (JsonNode)shape(x))]));
    }
}
