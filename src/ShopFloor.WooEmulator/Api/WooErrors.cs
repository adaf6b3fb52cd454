using System.Text.Json.Nodes;

namespace ShopFloor.WooEmulator.Api;

/// <summary>WordPress REST errors: <c>{"code", "message", "data": {"status"}}</c> with the same HTTP status.</summary>
public static class WooErrors
{
    public static IResult Of(int status, string code, string message, JsonObject? data = null)
    {
        var body = data ?? [];
        body["status"] = status;
        return Results.Json(new JsonObject { ["code"] = code, ["message"] = message, ["data"] = body }, statusCode: status);
    }

    public static IResult InvalidId(string resource) => Of(404, $"woocommerce_rest_{resource}_invalid_id", "Invalid ID.");

    public static IResult InvalidParam(string name, string reason) =>
        Of(400, "rest_invalid_param", $"Invalid parameter(s): {name}", new JsonObject { ["params"] = new JsonObject { [name] = reason } });
}
