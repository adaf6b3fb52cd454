using System.Net;
using System.Text;
using ShopFloor.WooEmulator.Store;

namespace ShopFloor.WooEmulator.Api;

/// <summary>
/// WooCommerce's application authentication endpoint (/wc-auth/v1/authorize): the store's owner approves an app's
/// request for keys; the new consumer key and secret are posted as JSON to the app's callback_url (key_id, user_id,
/// consumer_key, consumer_secret, key_permissions) and the owner is sent to return_url with success and user_id.
/// Deny sends success=0. Mandatory parameters and the scope are checked as WooCommerce checks them; the callback
/// must be HTTPS, except on a loopback address (so tests and the demo can run without certificates). The emulator
/// asks for no WordPress sign-in.
/// </summary>
public static class AuthEndpoint
{
    private static readonly string[] Mandatory = ["app_name", "scope", "user_id", "return_url", "callback_url"];
    private static readonly string[] Scopes = ["read", "write", "read_write"];

    public static void MapAuthEndpoint(this WebApplication app)
    {
        app.MapGet("/stores/{store}/wc-auth/v1/authorize", (string store, HttpContext http, StoreRegistry stores) =>
        {
            if (stores.Find(store) is null)
                return Results.NotFound();
            if (Invalid(http.Request.Query) is { } error)
                return Page(HttpStatusCode.BadRequest, $"<p>Error: {WebUtility.HtmlEncode(error)}</p>");
            var q = http.Request.Query;
            var hidden = string.Concat(Mandatory.Select(name => $"<input type=\"hidden\" name=\"{name}\" value=\"{WebUtility.HtmlEncode(q[name].ToString())}\">"));
            return Page(HttpStatusCode.OK, $"""
                <h1>{WebUtility.HtmlEncode(q["app_name"].ToString())} would like to connect to your store</h1>
                <p>This will give "{WebUtility.HtmlEncode(q["app_name"].ToString())}" {WebUtility.HtmlEncode(Scope(q["scope"].ToString()))} access.</p>
                <form method="post" action="/stores/{Uri.EscapeDataString(store)}/wc-auth/v1/access_granted">{hidden}<button type="submit">Approve</button></form>
                <form method="post" action="/stores/{Uri.EscapeDataString(store)}/wc-auth/v1/access_denied">{hidden}<button type="submit">Deny</button></form>
                """);
        });
        app.MapPost("/stores/{store}/wc-auth/v1/access_granted", async (string store, HttpContext http, StoreRegistry stores, IHttpClientFactory clients) =>
        {
            if (stores.Find(store) is not { } found)
                return Results.NotFound();
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (Invalid(form) is { } error)
                return Page(HttpStatusCode.BadRequest, $"<p>Error: {WebUtility.HtmlEncode(error)}</p>");
            var (id, key, secret) = found.GrantKey(form["scope"].ToString());
            var body = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["key_id"] = id, ["user_id"] = form["user_id"].ToString(), ["consumer_key"] = key, ["consumer_secret"] = secret,
                ["key_permissions"] = form["scope"].ToString(),
            });
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var answer = await clients.CreateClient(nameof(AuthEndpoint)).PostAsync(form["callback_url"].ToString(), content, http.RequestAborted);
                if (!answer.IsSuccessStatusCode)
                    return Page(HttpStatusCode.BadRequest, "<p>Error: An error occurred in the request and at the time were unable to send the consumer data.</p>");
            }
            catch (HttpRequestException)
            {
                return Page(HttpStatusCode.BadRequest, "<p>Error: An error occurred in the request and at the time were unable to send the consumer data.</p>");
            }
            return Results.Redirect(Return(form["return_url"].ToString(), "1", form["user_id"].ToString()));
        });
        app.MapPost("/stores/{store}/wc-auth/v1/access_denied", async (string store, HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            return Results.Redirect(Return(form["return_url"].ToString(), "0", form["user_id"].ToString()));
        });
    }

    private static string? Invalid(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values)
    {
        var given = values.ToDictionary(v => v.Key, v => v.Value.ToString());
        if (Mandatory.FirstOrDefault(name => string.IsNullOrEmpty(given.GetValueOrDefault(name))) is { } missing)
            return $"Missing parameter {missing}";
        if (!Scopes.Contains(given["scope"]))
            return $"Invalid scope {given["scope"]}";
        foreach (var name in new[] { "return_url", "callback_url" })
            if (!Uri.TryCreate(given[name], UriKind.Absolute, out _))
                return $"The {name} is not a valid URL";
        var callback = new Uri(given["callback_url"]);
        if (callback.Scheme != "https" && !callback.IsLoopback)
            return "The callback_url needs to be over SSL";
        return null;
    }

    private static string Scope(string scope) => scope switch { "read" => "Read", "write" => "Write", _ => "Read/Write" };

    private static string Return(string returnUrl, string success, string userId) =>
        returnUrl + (returnUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"success={success}&user_id={Uri.EscapeDataString(userId)}";

    private static IResult Page(HttpStatusCode status, string body) =>
        Results.Content($"<!DOCTYPE html><html><head><title>WooCommerce</title></head><body>{body}</body></html>", "text/html", Encoding.UTF8, (int)status);
}
