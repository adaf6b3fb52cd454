using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;

namespace ShopFloor.Api;

/// <summary>
/// The filters Katana documents on every list: <c>ids</c> (repeated or comma-separated), creation and update
/// windows, and <c>include_deleted</c> (ShopFloor deletes for good, so there is nothing more to include).
/// </summary>
public sealed record RecordFilters(
    [FromQuery(Name = "ids")] string[]? Ids,
    [FromQuery(Name = "created_at_min")] DateTime? CreatedAtMin,
    [FromQuery(Name = "created_at_max")] DateTime? CreatedAtMax,
    [FromQuery(Name = "updated_at_min")] DateTime? UpdatedAtMin,
    [FromQuery(Name = "updated_at_max")] DateTime? UpdatedAtMax,
    [FromQuery(Name = "include_deleted")] bool? IncludeDeleted)
{
    public IQueryable<T> Apply<T>(IQueryable<T> query, ShopFloorDbContext db) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity");
        if (IdList() is { Count: > 0 } ids)
            query = query.Where(e => ids.Contains(EF.Property<long>(e, "Id")));
        var created = entity.FindProperty("CreatedAt")?.Name;
        // A record that is never changed was last updated when it was created.
        var updated = entity.FindProperty("UpdatedAt")?.Name ?? created;
        query = Window(query, created, "created_at", CreatedAtMin, CreatedAtMax);
        return Window(query, updated, "updated_at", UpdatedAtMin, UpdatedAtMax);
    }

    public static IReadOnlyList<long> Parse(string[]? values, string field) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => long.TryParse(v, out var id) ? id : throw new ValidationFailedException(field, $"'{v}' is not an id"))
            .ToList();

    private List<long> IdList() => [.. Parse(Ids, "ids")];

    private static IQueryable<T> Window<T>(IQueryable<T> query, string? property, string field, DateTime? min, DateTime? max) where T : class
    {
        if (min is null && max is null)
            return query;
        if (property is null)
            throw new ValidationFailedException(field + "_min", "these records have no such date");
        var (from, to) = (min?.ToUniversalTime(), max?.ToUniversalTime());
        if (from is { } f)
            query = query.Where(e => EF.Property<DateTime>(e, property) >= f);
        if (to is { } t)
            query = query.Where(e => EF.Property<DateTime>(e, property) <= t);
        return query;
    }
}
