using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Customers;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Channels;

/// <summary>A buyer as a store knows them.</summary>
public sealed record StoreBuyer(string Name, string? FirstName, string? LastName, string? Email, string? Phone);

/// <summary>
/// Which ShopFloor customer a store's buyer is, for every channel: the one known already (a channel's own link),
/// else by email, else by name when asked, else a new one; the contact details follow the store's. Saves its changes.
/// </summary>
public sealed class StoreCustomers(ShopFloorDbContext db, TimeProvider clock)
{
    public async Task<(Customer Customer, bool Created)> MatchAsync(StoreBuyer buyer, Customer? known, bool matchByName, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var customer = known;
        if (customer is null && buyer.Email is { } email)
        {
            var lowered = email.ToLowerInvariant();
            // Translated to SQL's lower(), which string.Equals with a comparison is not.
#pragma warning disable CA1304, CA1311, CA1862
            customer = await db.Customers.FirstOrDefaultAsync(c => c.Email != null && c.Email.ToLower() == lowered, ct);
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (customer is null && matchByName)
            customer = await db.Customers.FirstOrDefaultAsync(c => c.Name == buyer.Name, ct);
        var created = customer is null;
        if (customer is null)
        {
            customer = new Customer(buyer.Name, now);
            db.Customers.Add(customer);
        }
        customer.Rename(buyer.Name);
        (customer.FirstName, customer.LastName, customer.UpdatedAt) = (buyer.FirstName, buyer.LastName, now);
        customer.Email = buyer.Email ?? customer.Email;
        customer.Phone = buyer.Phone ?? customer.Phone;
        await db.SaveChangesAsync(ct);
        return (customer, created);
    }
}
