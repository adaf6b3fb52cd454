using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Data;

namespace ShopFloor.Catalog;

/// <summary>The Locations page's list and its add-or-edit.</summary>
public sealed class LocationDirectory(ShopFloorDbContext db, TimeProvider clock)
{
    public Task<List<Location>> ListAsync(CancellationToken ct) => db.Locations.AsNoTracking().OrderBy(l => l.Name).ToListAsync(ct);

    /// <summary>Adds a location (no id) or changes one.</summary>
    public async Task SaveAsync(long? id, string name, bool salesAllowed, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var location = id is { } existing ? await db.Locations.FirstAsync(l => l.Id == existing, ct) : db.Locations.Add(new Location(name, now)).Entity;
        location.Rename(name);
        location.SalesAllowed = salesAllowed;
        location.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
    }
}
