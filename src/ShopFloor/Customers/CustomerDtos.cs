using System.Text.Json.Serialization;
using ShopFloor.Core.Customers;

namespace ShopFloor.Customers;

public sealed record CustomerRequest(
    string? Name, string? FirstName, string? LastName, string? Company, string? Email, string? Phone,
    string? Comment, string? Currency, string? ReferenceId, IReadOnlyList<AddressRequest>? Addresses);

public sealed record AddressRequest(
    long? CustomerId, string? EntityType, bool? Default, string? FirstName, string? LastName, string? Company,
    string? Phone, [property: JsonPropertyName("line_1")] string? Line1, [property: JsonPropertyName("line_2")] string? Line2, string? City, string? State, string? Zip, string? Country);

public sealed record CustomerResponse(
    long Id, string Name, string? FirstName, string? LastName, string? Company, string? Email, string? Phone,
    string? Comment, string? Currency, string? ReferenceId, DateTime CreatedAt, DateTime UpdatedAt,
    IReadOnlyList<AddressResponse> Addresses)
{
    public static CustomerResponse From(Customer c) => new(
        c.Id, c.Name, c.FirstName, c.LastName, c.Company, c.Email, c.Phone, c.Comment, c.Currency, c.ReferenceId,
        c.CreatedAt, c.UpdatedAt, c.Addresses.OrderBy(a => a.Id).Select(AddressResponse.From).ToList());
}

public sealed record AddressResponse(
    long Id, long CustomerId, string EntityType, bool Default, string? FirstName, string? LastName, string? Company,
    string? Phone, [property: JsonPropertyName("line_1")] string? Line1, [property: JsonPropertyName("line_2")] string? Line2, string? City, string? State, string? Zip, string? Country,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    public static AddressResponse From(CustomerAddress a) => new(
        a.Id, a.CustomerId, a.EntityType.ToString().ToLowerInvariant(), a.Default, a.FirstName, a.LastName, a.Company,
        a.Phone, a.Line1, a.Line2, a.City, a.State, a.Zip, a.Country, a.CreatedAt, a.UpdatedAt);
}
