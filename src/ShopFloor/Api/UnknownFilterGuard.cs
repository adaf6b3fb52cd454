using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using ShopFloor.Core.Common;

namespace ShopFloor.Api;

/// <summary>
/// Refuses a query parameter the route does not read (422), instead of answering as if it had been applied: a
/// script that filters by a field ShopFloor lacks must not get every record back as though they all matched.
/// </summary>
public sealed class UnknownFilterGuard : IEndpointFilter
{
    private static readonly ConcurrentDictionary<Endpoint, HashSet<string>> QueryNames = new();

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.Query.Count > 0 && http.GetEndpoint() is { } endpoint)
        {
            var known = QueryNames.GetOrAdd(endpoint, NamesOf);
            if (http.Request.Query.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
                throw new ValidationFailedException(unknown, $"is not a filter of this route; it takes: {string.Join(", ", known.Order())}");
        }
        return next(context);
    }

    /// <summary>The query names the route binds: a [FromQuery] name where given, else the parameter's own.</summary>
    private static HashSet<string> NamesOf(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
            .Where(p => p.ParameterInfo.GetCustomAttributes().OfType<IFromQueryMetadata>().Any() || IsQueryValue(p.ParameterInfo.ParameterType))
            .Select(p => p.ParameterInfo.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name ?? p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static bool IsQueryValue(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
            || type == typeof(DateTimeOffset) || type == typeof(Guid);
    }
}
