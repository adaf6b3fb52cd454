using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels;
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
public sealed class ShopifyCustomers(ShopFloorDbContext db, StoreCustomers customers)
{
    public async Task<(Customer Customer, bool Created)> MatchAsync(long storeId, ShopifyCustomerData data, bool matchByName, CancellationToken ct)
    {
        var link = await db.Set<CustomerLink>().FirstOrDefaultAsync(l => l.StoreId == storeId && l.ShopifyCustomerId == data.ShopifyId, ct);
        var known = link is not null ? await db.Customers.FirstOrDefaultAsync(c => c.Id == link.CustomerId, ct) : null;
        var matched = await customers.MatchAsync(new StoreBuyer(data.Name, data.FirstName, data.LastName, data.Email, data.Phone), known, matchByName, ct);
        if (link is null)
        {
            db.Add(new CustomerLink(storeId, data.ShopifyId, matched.Customer.Id));
            await db.SaveChangesAsync(ct);
        }
        return matched;
    }
}
