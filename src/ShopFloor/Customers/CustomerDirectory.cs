using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Customers;
using ShopFloor.Core.Data;

namespace ShopFloor.Customers;

/// <summary>The Customers page's list and its add-or-edit.</summary>
public sealed class CustomerDirectory(ShopFloorDbContext db, TimeProvider clock)
{
    public Task<List<Customer>> ListAsync(CancellationToken ct) => db.Customers.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);

    /// <summary>Adds a customer (no id) or changes one.</summary>
    public async Task SaveAsync(long? id, string name, string? email, string? phone, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var customer = id is { } existing ? await db.Customers.FirstAsync(c => c.Id == existing, ct) : db.Customers.Add(new Customer(name, now)).Entity;
        customer.Rename(name);
        (customer.Email, customer.Phone, customer.UpdatedAt) = (email, phone, now);
        await db.SaveChangesAsync(ct);
    }
}
