using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Data;
using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;
using ShopFloor.Shopify.Mapping;

namespace ShopFloor.Shopify.Jobs;

/// <summary>R-IMP-3: Shopify customers, matched by Shopify id, then email, else created; re-running updates, never duplicates.</summary>
public sealed class CustomerImporter(ShopFloorDbContext db, ShopifyAdminClient shopify, TokenVault tokens, ShopifyCustomers customers) : IImporter
{
    public string Channel => ShopifyChannel.Name;

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
        var customer = ShopifyJson.Read<CustomerNode>(node);
        var data = new ShopifyCustomerData(customer.Id, customer.FirstName, customer.LastName, customer.Email, customer.Phone);
        var (_, created) = await customers.MatchAsync(storeId, data, matchByName: false, ct);
        job.Count(created ? "created" : "updated");
    }
}
