namespace ShopFloor.Shopify.Client;

/// <summary>
/// One document the client sends. <see cref="ExpectedCost"/> lets the throttle wait before Shopify would refuse;
/// only <see cref="Idempotent"/> operations are retried blindly after a failure.
/// </summary>
public sealed record GraphQLOperation(string Name, string Document, int ExpectedCost, bool Idempotent = true);
