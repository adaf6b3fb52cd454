using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using ShopFloor.Core.Common;

namespace ShopFloor.Api;

/// <summary>
/// Refuses a request body whose lists hold a null entry (<c>"addresses": [null]</c>) with a 422 naming the entry,
/// instead of letting the handler trip over it: JSON binding accepts such a list, no use case expects one.
/// </summary>
public sealed class NullEntryGuard(IOptions<JsonOptions> json) : IEndpointFilter
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Lists = new();

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
            if (argument is not null && IsRequestRecord(argument.GetType()))
                Check(argument, "", depth: 0);
        return next(context);
    }

    private void Check(object request, string path, int depth)
    {
        if (depth > 4)
            return;
        foreach (var property in Lists.GetOrAdd(request.GetType(), ListsOf))
        {
            if (property.GetValue(request) is not IEnumerable entries)
                continue;
            var name = path + (json.Value.SerializerOptions.PropertyNamingPolicy?.ConvertName(property.Name) ?? property.Name);
            var index = 0;
            foreach (var entry in entries)
            {
                if (entry is null)
                    throw new ValidationFailedException($"{name}[{index}]", "must be an object, not null");
                if (IsRequestRecord(entry.GetType()))
                    Check(entry, $"{name}[{index}].", depth + 1);
                index++;
            }
        }
    }

    // Records of ShopFloor's own (request bodies and their rows), never services such as the DbContext.
    private static bool IsRequestRecord(Type type) =>
        type.Namespace?.StartsWith("ShopFloor", StringComparison.Ordinal) == true && type.GetMethod("<Clone>$") is not null;

    private static PropertyInfo[] ListsOf(Type type) => type.GetProperties()
        .Where(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && p.GetIndexParameters().Length == 0)
        .ToArray();
}
