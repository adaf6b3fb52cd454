namespace ShopFloor.Shopify.Connection;

/// <summary>An OAuth install state already spent: a callback may use each state once (a unique key, not a check).</summary>
public sealed class UsedInstallState
{
    private UsedInstallState() { }

    public UsedInstallState(string nonce, DateTime usedAt)
    {
        Nonce = nonce;
        UsedAt = usedAt;
    }

    public long Id { get; private set; }
    public string Nonce { get; private set; } = "";
    public DateTime UsedAt { get; private set; }
}
