namespace ShopFloor.Core;

/// <summary>Settings under "ShopFloor" (environment: ShopFloor__DataDir, ShopFloor__BootstrapApiKey, ShopFloor__Demo).</summary>
public sealed class ShopFloorOptions
{
    public const string Section = "ShopFloor";

    /// <summary>Where the SQLite file and the data-protection keys live.</summary>
    public string DataDir { get; set; } = "data";

    /// <summary>A key the API accepts without it being created first, for automation.</summary>
    public string? BootstrapApiKey { get; set; }

    /// <summary>The one-time code the first run asks for before it creates the owner; unset: a random one, printed at start.</summary>
    public string? SetupCode { get; set; }

    /// <summary>Whether to start with an emulated demo store.</summary>
    public bool Demo { get; set; } = true;
}
