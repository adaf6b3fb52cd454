using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ShopFloor.Core.Data;

public static class JsonColumn
{
    /// <summary>Stored as JSON text; compared by content, so changes made in place are saved.</summary>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class, new() =>
        property.HasConversion(
                v => Serialize(v),
                v => JsonSerializer.Deserialize<T>(v, JsonSerializerOptions.Web) ?? new T(),
                new ValueComparer<T>((a, b) => Serialize(a) == Serialize(b), v => Serialize(v).GetHashCode(), v => JsonSerializer.Deserialize<T>(Serialize(v), JsonSerializerOptions.Web)!))
            .HasColumnType("text");

    private static string Serialize<T>(T? value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}
