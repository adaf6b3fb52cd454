namespace ShopFloor.Core.Customers;

public enum AddressKind
{
    Billing,
    Shipping,
}

public sealed class CustomerAddress
{
    private CustomerAddress() { }

    internal CustomerAddress(Customer customer, AddressKind kind, DateTime now)
    {
        Customer = customer;
        EntityType = kind;
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public long CustomerId { get; private set; }
    public Customer Customer { get; private set; } = null!;
    public AddressKind EntityType { get; set; }
    public bool Default { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Company { get; set; }
    public string? Phone { get; set; }
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? Zip { get; set; }
    public string? Country { get; set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; set; }
}
