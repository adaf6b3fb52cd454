using ShopFloor.Core.Channels;
using ShopFloor.Core.Common;

namespace ShopFloor.Shopify.Connection;

/// <summary>
/// A connected Shopify store (R-CON-1..5). The access token is kept encrypted; disconnecting removes it but keeps
/// configuration, location mapping and SKU mapping, so reconnecting the same store starts where it left off.
/// </summary>
public sealed class ShopifyStore
{
    private ShopifyStore() { }

    public ShopifyStore(string shopDomain, DateTime now)
    {
        ShopDomain = shopDomain.ToLowerInvariant();
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public string ShopDomain { get; private set; } = "";
    public string? Name { get; set; }
    public string? EncryptedAccessToken { get; private set; }
    public string? Scopes { get; private set; }
    public DateTime? AuthorizedAt { get; private set; }
    public bool SyncActive { get; private set; }
    public DateTime? ActivatedAt { get; private set; }
    public DateTime? FirstActivatedAt { get; private set; }
    public StoreSettings Settings { get; private set; } = new();

    /// <summary>Orders updated before this were looked at by the catch-up (R-SYNC-6); null until the first one.</summary>
    public DateTime? OrdersCheckedUntil { get; set; }

    public DateTime? LastReconciledAt { get; set; }

    /// <summary>R-CON-5: while sync is active, edits wait here until applied.</summary>
    public StoreSettings? StagedSettings { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public bool IsAuthorized => EncryptedAccessToken is not null;

    public StoreState StateWith(bool everyLocationMapped) =>
        !IsAuthorized ? StoreState.NotConnected
        : SyncActive ? StoreState.SyncActive
        : !everyLocationMapped ? StoreState.Disabled
        : StoreState.SyncInactive;

    public void Authorize(string encryptedToken, string? scopes, DateTime now)
    {
        EncryptedAccessToken = encryptedToken;
        Scopes = scopes;
        AuthorizedAt = UpdatedAt = now;
    }

    public void Disconnect(DateTime now)
    {
        EncryptedAccessToken = null;
        SyncActive = false;
        UpdatedAt = now;
    }

    /// <summary>R-CON-4: only an explicit Activate starts sync, and only from Sync inactive.</summary>
    public void Activate(bool everyLocationMapped, DateTime now)
    {
        var state = StateWith(everyLocationMapped);
        if (state != StoreState.SyncInactive)
            throw new DomainException(state switch
            {
                StoreState.NotConnected => "The store is not connected.",
                StoreState.Disabled => "Every Shopify location must be mapped to a ShopFloor location before sync can be activated.",
                _ => "Sync is already active.",
            });
        SyncActive = true;
        ActivatedAt = now;
        FirstActivatedAt ??= now;
        UpdatedAt = now;
    }

    public void Pause(DateTime now)
    {
        if (!SyncActive)
            throw new DomainException("Sync is not active.");
        SyncActive = false;
        UpdatedAt = now;
    }

    /// <summary>R-CON-5: saved as edited while not active; staged while active.</summary>
    public void ChangeSettings(StoreSettings settings, DateTime now)
    {
        if (SyncActive)
            StagedSettings = settings;
        else
            Settings = settings;
        UpdatedAt = now;
    }

    /// <summary>Drops the staged edits: the settings in use stay as they are.</summary>
    public void DiscardStagedSettings(DateTime now)
    {
        StagedSettings = null;
        UpdatedAt = now;
    }

    public void ApplyStagedSettings(DateTime now)
    {
        if (StagedSettings is null)
            throw new DomainException("There are no new settings to apply.");
        Settings = StagedSettings;
        StagedSettings = null;
        UpdatedAt = now;
    }
}
