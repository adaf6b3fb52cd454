using System.Globalization;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>Reading GraphQL input objects, which arrive as dictionaries of the fields the caller sent.</summary>
internal static class Inputs
{
    public static string? String(this IDictionary<string, object?> input, string field) =>
        input.TryGetValue(field, out var value) ? value?.ToString() : null;

    public static decimal? Decimal(this IDictionary<string, object?> input, string field) =>
        input.TryGetValue(field, out var value) && value is not null
            ? System.Convert.ToDecimal(value is string s ? decimal.Parse(s, CultureInfo.InvariantCulture) : value, CultureInfo.InvariantCulture)
            : null;

    public static bool? Bool(this IDictionary<string, object?> input, string field) =>
        input.TryGetValue(field, out var value) && value is bool b ? b : null;

    public static IDictionary<string, object?>? Object(this IDictionary<string, object?> input, string field) =>
        input.TryGetValue(field, out var value) ? value as IDictionary<string, object?> : null;

    public static IEnumerable<IDictionary<string, object?>> Objects(this IDictionary<string, object?> input, string field) =>
        input.TryGetValue(field, out var value) && value is IEnumerable<object?> list ? list.OfType<IDictionary<string, object?>>() : [];

    public static Node UserError(string typeName, IEnumerable<string> field, string message, string? code = null) =>
        new Node(typeName).With("field", field.ToList()).With("message", message).With("code", code);
}
