using ShopFloor.Core.Common;

namespace ShopFloor.Core.Customers;

/// <summary>R-CUS-1: a buyer, with contact details, addresses and the Shopify ids it came from.</summary>
public sealed class Customer
{
    private readonly List<CustomerAddress> _addresses = [];

    private Customer() { }

    public Customer(string name, DateTime now)
    {
        Rename(name);
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Company { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Comment { get; set; }
    public string? Currency { get; set; }
    public string? ReferenceId { get; set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; set; }
    public IReadOnlyList<CustomerAddress> Addresses => _addresses;

    public void Rename(string name) => Name = Guard.Required(name, "name");

    public CustomerAddress AddAddress(AddressKind kind, DateTime now)
    {
        var address = new CustomerAddress(this, kind, now);
        _addresses.Add(address);
        return address;
    }
}
