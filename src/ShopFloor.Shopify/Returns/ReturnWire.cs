using ShopFloor.Shopify.Client;

namespace ShopFloor.Shopify.Returns;

// A return as the Return query selects it: Shopify's own field names.

public sealed record ReturnNode(
    string Id, string? Name, string? Status, IdOnly Order, Connection<ReturnLineItemNode> ReturnLineItems,
    Connection<ReverseFulfillmentOrderNode> ReverseFulfillmentOrders);

public sealed record FulfillmentLineItemRef(IdOnly LineItem);

/// <summary>A line of the return; <see cref="FulfillmentLineItem"/> is null for lines that are not a shipped item (an unverified one).</summary>
public sealed record ReturnLineItemNode(string? Id, decimal Quantity, string? ReturnReason, FulfillmentLineItemRef? FulfillmentLineItem);

public sealed record DispositionNode(string Type, int Quantity, IdOnly? Location);

public sealed record ReverseFulfillmentOrderLineNode(FulfillmentLineItemRef? FulfillmentLineItem, IReadOnlyList<DispositionNode> Dispositions);

public sealed record ReverseFulfillmentOrderNode(Connection<ReverseFulfillmentOrderLineNode> LineItems);
