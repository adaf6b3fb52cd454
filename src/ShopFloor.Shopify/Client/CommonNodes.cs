namespace ShopFloor.Shopify.Client;

// Shapes several areas read, in Shopify's own field names.

/// <summary>A GraphQL connection read for its nodes.</summary>
public sealed record Connection<T>(IReadOnlyList<T> Nodes);

/// <summary>A node read for its id only (<c>location { id }</c>).</summary>
public sealed record IdOnly(string Id);

/// <summary>A MoneyBag read for its shop-currency amount (<c>priceSet { shopMoney { amount } }</c>).</summary>
public sealed record MoneyBag(MoneyV2 ShopMoney)
{
    public decimal Amount => ShopMoney.Amount;
}

public sealed record MoneyV2(decimal Amount);

public sealed record QuantityNode(string Name, long Quantity);

/// <summary>A level in a bulk or paged read: its item, its quantities, and (in bulk JSONL) the location it belongs to.</summary>
public sealed record LocationLevelLine(IdOnly? Item, IReadOnlyList<QuantityNode>? Quantities, [property: System.Text.Json.Serialization.JsonPropertyName("__parentId")] string? ParentId);

public sealed record CustomerNode(string Id, string? FirstName, string? LastName, string? Email, string? Phone);

public sealed record UserError(IReadOnlyList<string>? Field, string Message);

/// <summary>A mutation's answer read for its user errors only.</summary>
public sealed record MutationErrors(IReadOnlyList<UserError> UserErrors);

/// <summary>A node read for its id and status (a return, a fulfillment order).</summary>
public sealed record StatusNode(string Id, string Status);
