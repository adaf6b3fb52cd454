namespace ShopFloor.WooEmulator.Store;

/// <summary>A registered customer: their account, and the billing details they saved (the same name and email here).</summary>
public sealed class WooCustomer(long id, string email, string firstName, string lastName, DateTime now)
{
    public long Id { get; } = id;
    public string Email { get; } = email;
    public string FirstName { get; } = firstName;
    public string LastName { get; } = lastName;
    public string Phone { get; set; } = "";
    public DateTime CreatedAt { get; } = now;
    public DateTime ModifiedAt { get; set; } = now;
    public string Username => Email.Split('@')[0];
}
