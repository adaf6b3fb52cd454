using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Customers;
using ShopFloor.Core.Data;

namespace ShopFloor.Shopify.Mapping;

public sealed record ShopifyCustomerData(string ShopifyId, string? FirstName, string? LastName, string? Email, string? Phone)
{
    public string Name => $"{FirstName} {LastName}".Trim() is { Length: > 0 } full ? full : Email ?? ShopifyId;
}

/// <summary>
/// R-SYNC-1 / R-IMP-3: which ShopFloor customer a Shopify customer is — by the link made earlier, then by email,
/// then by name, else a new one — and the link remembered for next time. Saves its changes.
/// </summary>
public sealed class ShopifyCustomers(ShopFloorDbContext db, TimeProvider clock)
{
    public async Task<(Customer Customer, bool Created)> MatchAsync(long storeId, ShopifyCustomerData data, bool matchByName, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var link = await db.Set<CustomerLink>().FirstOrDefaultAsync(l => l.StoreId == storeId && l.ShopifyCustomerId == data.ShopifyId, ct);
        var customer = link is not null ? await db.Customers.FirstOrDefaultAsync(c => c.Id == link.CustomerId, ct) : null;
        if (customer is null && data.Email is { } email)
        {
            var lowered = email.ToLowerInvariant();
            // Translated to SQL's lower(), which string.Equals with a comparison is not.
#pragma warning disable CA1304, CA1311, CA1862
            customer = await db.Customers.FirstOrDefaultAsync(c => c.Email != null && c.Email.ToLower() == lowered, ct);
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (customer is null && matchByName)
            customer = await db.Customers.FirstOrDefaultAsync(c => c.Name == data.Name, ct);
        var created = customer is null;
        if (customer is null)
        {
            customer = new Customer(data.Name, now);
            db.Customers.Add(customer);
        }
        customer.Rename(data.Name);
        (customer.FirstName, customer.LastName, customer.UpdatedAt) = (data.FirstName, data.LastName, now);
        customer.Email = data.Email ?? customer.Email;
        customer.Phone = data.Phone ?? customer.Phone;
        await db.SaveChangesAsync(ct);
        if (link is null)
        {
            db.Add(new CustomerLink(storeId, data.ShopifyId, customer.Id));
            await db.SaveChangesAsync(ct);
        }
        return (customer, created);
    }
}
