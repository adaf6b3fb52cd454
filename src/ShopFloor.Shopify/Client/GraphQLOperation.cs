namespace ShopFloor.Shopify.Client;

/// <summary>
/// One document the client sends. <see cref="ExpectedCost"/> lets the throttle wait before Shopify would refuse;
/// <see cref="Repeat"/> says, for each operation, whether a failure of unknown outcome may be sent again.
/// </summary>
public sealed record GraphQLOperation(string Name, string Document, int ExpectedCost, Repeat Repeat)
{
    public bool Idempotent => Repeat != Repeat.Never;
}

/// <summary>Whether an operation may be sent again after a failure whose outcome is unknown (a timeout, a 5xx, a 429).</summary>
public enum Repeat
{
    /// <summary>A query: reading twice changes nothing.</summary>
    Read,

    /// <summary>A mutation carrying an <c>@idempotent</c> key: Shopify answers a repeat with the first result.</summary>
    Keyed,

    /// <summary>
    /// A mutation whose repeat ends the same: deleting or closing what is already gone or closed; a second bulk
    /// query while the first runs is refused, not run.
    /// </summary>
    SameOutcome,

    /// <summary>A mutation that would act twice (a second subscription, a second fulfillment): never sent again blindly.</summary>
    Never,
}
