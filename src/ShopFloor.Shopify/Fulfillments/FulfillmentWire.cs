using ShopFloor.Shopify.Client;

namespace ShopFloor.Shopify.Fulfillments;

// What the fulfillment push reads and gets back: Shopify's own field names.

public sealed record OpenFulfillmentOrders(Connection<OpenFulfillmentOrderNode> FulfillmentOrders);

public sealed record OpenFulfillmentOrderNode(string Id, string Status, AssignedLocation AssignedLocation, Connection<OpenFulfillmentOrderLineNode> LineItems);

public sealed record AssignedLocation(IdOnly Location);

public sealed record OpenFulfillmentOrderLineNode(string Id, int RemainingQuantity, IdOnly LineItem);

public sealed record FulfillmentCreatePayload(IdOnly? Fulfillment, IReadOnlyList<UserError> UserErrors);
