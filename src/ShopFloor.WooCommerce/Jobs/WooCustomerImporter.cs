using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels;
using ShopFloor.Core.Channels.Jobs;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.WooCommerce.Client;
using ShopFloor.WooCommerce.Connection;

namespace ShopFloor.WooCommerce.Jobs;

/// <summary>
/// R-IMP for WooCommerce: the store's registered customers into ShopFloor, matched the way an order's buyer is
/// (<see cref="StoreCustomers"/>: by email, else a new customer), so a customer imported now is the one their
/// orders name later. In id order; a restart resumes after the last one done.
/// </summary>
public sealed class WooCustomerImporter(ShopFloorDbContext db, WooClient woo, WooKeys keys, StoreCustomers customers) : IImporter
{
    public string Channel => WooChannel.Name;

    public ImportType Type => ImportType.Customers;

    public async Task RunAsync(ImportJob job, Func<Task> saveProgress, CancellationToken ct)
    {
        var store = await db.Set<WooStore>().AsNoTracking().FirstAsync(s => s.Id == job.StoreId, ct);
        if (!store.SyncActive)
            throw new DomainException("The store is disconnected.");
        var after = long.TryParse(job.Cursor, CultureInfo.InvariantCulture, out var last) ? last : 0;
        var all = (await woo.ListAsync<WooCustomer>(keys.CredentialsOf(store), "customers", ct)).OrderBy(c => c.Id).ToList();
        job.Total = all.Count;
        job.Done = all.Count(c => c.Id <= after);
        foreach (var customer in all.Where(c => c.Id > after))
        {
            var first = Blank(customer.FirstName) ?? Blank(customer.Billing?.FirstName);
            var lastName = Blank(customer.LastName) ?? Blank(customer.Billing?.LastName);
            var email = Blank(customer.Email) ?? Blank(customer.Billing?.Email);
            var name = $"{first} {lastName}".Trim() is { Length: > 0 } full ? full : Blank(customer.Billing?.Company) ?? email;
            if (name is null)
            {
                job.Report($"customer {customer.Id}", "has neither a name nor an email");
                job.Count("skipped");
            }
            else
            {
                var (_, created) = await customers.MatchAsync(new StoreBuyer(name, first, lastName, email, Blank(customer.Billing?.Phone)), known: null, matchByName: false, ct);
                job.Count(created ? "created" : "matched");
            }
            job.Done++;
            job.Cursor = customer.Id.ToString(CultureInfo.InvariantCulture);
            if (job.Done % 25 == 0)
                await saveProgress();
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
