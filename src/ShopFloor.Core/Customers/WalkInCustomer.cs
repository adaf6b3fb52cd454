using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Customers;

/// <summary>
/// The customer of an order that names none (a counter sale, a Shopify order without a customer): every sales order
/// and return has a customer, as Katana's API promises its clients. Made on first use.
/// </summary>
public static class WalkInCustomer
{
    public const string Reference = "shopfloor:walk-in";

    public static async Task<long> IdAsync(ShopFloorDbContext db, DateTime now, CancellationToken ct)
    {
        if (await db.Customers.Where(c => c.ReferenceId == Reference).OrderBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct) is { } id)
            return id;
        var customer = new Customer("Walk-in customer", now) { ReferenceId = Reference };
        db.Customers.Add(customer);
        await db.SaveChangesAsync(ct);
        return customer.Id;
    }
}
