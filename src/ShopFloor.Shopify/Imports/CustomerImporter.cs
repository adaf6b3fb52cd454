using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Customers;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Mapping;

namespace ShopFloor.Shopify.Imports;

/// <summary>R-IMP-3: Shopify customers, matched by Shopify id, then email, else created; re-running updates, never duplicates.</summary>
public sealed class CustomerImporter(ShopFloorDbContext db, ShopifyAdminClient shopify, TokenVault tokens, TimeProvider clock) : IImporter
{
    public ImportType Type => ImportType.Customers;

    public async Task RunAsync(ImportJob job, Func<Task> saveProgress, CancellationToken ct)
    {
        var store = await db.Set<ShopifyStore>().FirstAsync(s => s.Id == job.StoreId, ct);
        var credentials = tokens.CredentialsOf(store);
        job.Total ??= (await shopify.SendAsync(credentials, Operations.CustomersCount, null, ct)).GetProperty("customersCount").GetProperty("count").GetInt32();
        await foreach (var (nodes, cursor) in shopify.ReadAsync(credentials, Operations.Customers, "customers", job.Cursor, ct))
        {
            foreach (var node in nodes)
                await ImportAsync(store.Id, job, node, ct);
            job.Done += nodes.Count;
            job.Cursor = cursor;
            await saveProgress();
        }
    }

    private async Task ImportAsync(long storeId, ImportJob job, JsonElement node, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var shopifyId = node.GetProperty("id").GetString()!;
        var (first, last) = (node.GetProperty("firstName").GetString(), node.GetProperty("lastName").GetString());
        var email = node.GetProperty("email").GetString();
        var name = $"{first} {last}".Trim() is { Length: > 0 } full ? full : email ?? shopifyId;

        var link = await db.Set<CustomerLink>().FirstOrDefaultAsync(l => l.StoreId == storeId && l.ShopifyCustomerId == shopifyId, ct);
        var customer = link is not null
            ? await db.Customers.FirstAsync(c => c.Id == link.CustomerId, ct)
            : email is null ? null : await db.Customers.FirstOrDefaultAsync(c => c.Email != null && c.Email.ToLower() == email.ToLower(), ct);
        if (customer is null)
        {
            customer = new Customer(name, now);
            db.Customers.Add(customer);
            job.Count("created");
        }
        else
        {
            customer.Rename(name);
            job.Count("updated");
        }
        (customer.FirstName, customer.LastName, customer.Email, customer.Phone, customer.UpdatedAt) = (first, last, email, node.GetProperty("phone").GetString(), now);
        await db.SaveChangesAsync(ct);
        if (link is null)
        {
            db.Add(new CustomerLink(storeId, shopifyId, customer.Id));
            await db.SaveChangesAsync(ct);
        }
    }
}
