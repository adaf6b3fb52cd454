using ShopFloor.Core.Common;
using ShopFloor.Core.Customers;

namespace ShopFloor.Customers;

/// <summary>Copies the fields a request sets (PATCH semantics: absent means unchanged).</summary>
internal static class CustomerFields
{
    public static void Apply(Customer customer, CustomerRequest request, DateTime now)
    {
        if (request.Name is not null) customer.Rename(request.Name);
        if (request.FirstName is not null) customer.FirstName = request.FirstName;
        if (request.LastName is not null) customer.LastName = request.LastName;
        if (request.Company is not null) customer.Company = request.Company;
        if (request.Email is not null) customer.Email = request.Email;
        if (request.Phone is not null) customer.Phone = request.Phone;
        if (request.Comment is not null) customer.Comment = request.Comment;
        if (request.Currency is not null) customer.Currency = request.Currency;
        if (request.ReferenceId is not null) customer.ReferenceId = request.ReferenceId;
        customer.UpdatedAt = now;
    }

    public static void Apply(CustomerAddress address, AddressRequest request, DateTime now)
    {
        if (request.EntityType is not null) address.EntityType = KindOf(request.EntityType);
        if (request.Default is { } isDefault) address.Default = isDefault;
        if (request.FirstName is not null) address.FirstName = request.FirstName;
        if (request.LastName is not null) address.LastName = request.LastName;
        if (request.Company is not null) address.Company = request.Company;
        if (request.Phone is not null) address.Phone = request.Phone;
        if (request.Line1 is not null) address.Line1 = request.Line1;
        if (request.Line2 is not null) address.Line2 = request.Line2;
        if (request.City is not null) address.City = request.City;
        if (request.State is not null) address.State = request.State;
        if (request.Zip is not null) address.Zip = request.Zip;
        if (request.Country is not null) address.Country = request.Country;
        address.UpdatedAt = now;
    }

    public static AddressKind KindOf(string? entityType) => entityType?.ToLowerInvariant() switch
    {
        null or "billing" => AddressKind.Billing,
        "shipping" => AddressKind.Shipping,
        _ => throw new ValidationFailedException("entity_type", "must be 'billing' or 'shipping'"),
    };
}
