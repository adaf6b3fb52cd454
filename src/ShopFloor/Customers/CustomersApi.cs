using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Customers;
using ShopFloor.Core.Data;

namespace ShopFloor.Customers;

/// <summary>/v1/customers and /v1/customer_addresses (R-CUS-1).</summary>
public static class CustomersApi
{
    public static void MapCustomers(this IEndpointRouteBuilder v1)
    {
        var customers = v1.MapGroup("/customers").WithTags("Customers");
        customers.MapGet("", (string? name, string? email, [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
            db.Customers.AsNoTracking().Include(c => c.Addresses)
                .Where(c => (name == null || c.Name.Contains(name)) && (email == null || c.Email == email))
                .OrderBy(c => c.Id)
                .ToPageAsync(paging, http, CustomerResponse.From, ct));
        customers.MapGet("/{id:long}", async Task<Ok<CustomerResponse>> (long id, ShopFloorDbContext db, CancellationToken ct) =>
            await FindAsync(db, id, ct) is { } customer ? TypedResults.Ok(CustomerResponse.From(customer)) : throw new NotFoundException("Customer", id));
        customers.MapPost("", async (CustomerRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var customer = new Customer(request.Name ?? "", now);
            CustomerFields.Apply(customer, request, now);
            foreach (var fields in request.Addresses ?? [])
                CustomerFields.Apply(customer.AddAddress(CustomerFields.KindOf(fields.EntityType), now), fields, now);
            db.Customers.Add(customer);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(CustomerResponse.From(customer));
        });
        customers.MapPatch("/{id:long}", async (long id, CustomerRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var customer = await FindAsync(db, id, ct) ?? throw new NotFoundException("Customer", id);
            CustomerFields.Apply(customer, request, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(CustomerResponse.From(customer));
        });
        customers.MapDelete("/{id:long}", async Task<NoContent> (long id, ShopFloorDbContext db, CancellationToken ct) =>
            await db.Customers.Where(c => c.Id == id).ExecuteDeleteAsync(ct) > 0 ? TypedResults.NoContent() : throw new NotFoundException("Customer", id));

        var addresses = v1.MapGroup("/customer_addresses").WithTags("Customers");
        addresses.MapGet("", ([FromQuery(Name = "customer_id")] long? customerId, [AsParameters] PageQuery paging, ShopFloorDbContext db, HttpContext http, CancellationToken ct) =>
            db.CustomerAddresses.AsNoTracking().Where(a => customerId == null || a.CustomerId == customerId).OrderBy(a => a.Id)
                .ToPageAsync(paging, http, AddressResponse.From, ct));
        addresses.MapPost("", async (AddressRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var customerId = request.CustomerId ?? throw new ValidationFailedException("customer_id", "is required");
            var customer = await FindAsync(db, customerId, ct)
                ?? throw new ValidationFailedException("customer_id", $"customer {customerId} does not exist");
            var now = clock.GetUtcNow().UtcDateTime;
            var address = customer.AddAddress(CustomerFields.KindOf(request.EntityType), now);
            CustomerFields.Apply(address, request, now);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(AddressResponse.From(address));
        });
        addresses.MapPatch("/{id:long}", async (long id, AddressRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var address = await db.CustomerAddresses.FindAsync([id], ct) ?? throw new NotFoundException("Customer address", id);
            CustomerFields.Apply(address, request, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(AddressResponse.From(address));
        });
        addresses.MapDelete("/{id:long}", async Task<NoContent> (long id, ShopFloorDbContext db, CancellationToken ct) =>
            await db.CustomerAddresses.Where(a => a.Id == id).ExecuteDeleteAsync(ct) > 0 ? TypedResults.NoContent() : throw new NotFoundException("Customer address", id));
    }

    private static Task<Customer?> FindAsync(ShopFloorDbContext db, long id, CancellationToken ct) =>
        db.Customers.Include(c => c.Addresses).FirstOrDefaultAsync(c => c.Id == id, ct);
}
