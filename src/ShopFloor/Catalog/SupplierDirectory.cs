using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Catalog;
using ShopFloor.Core.Data;

namespace ShopFloor.Catalog;

/// <summary>The Suppliers page's list and its add-or-edit.</summary>
public sealed class SupplierDirectory(ShopFloorDbContext db, TimeProvider clock)
{
    public Task<List<Supplier>> ListAsync(CancellationToken ct) => db.Suppliers.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);

    /// <summary>Adds a supplier (no id) or changes one.</summary>
    public async Task SaveAsync(long? id, string name, string? email, string? phone, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var supplier = id is { } existing ? await db.Suppliers.FirstAsync(s => s.Id == existing, ct) : db.Suppliers.Add(new Supplier(name, now)).Entity;
        supplier.Rename(name);
        (supplier.Email, supplier.Phone, supplier.UpdatedAt) = (email, phone, now);
        await db.SaveChangesAsync(ct);
    }
}
