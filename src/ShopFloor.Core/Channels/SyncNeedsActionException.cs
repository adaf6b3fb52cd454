namespace ShopFloor.Core.Channels;

/// <summary>Thrown when only the merchant can unblock a sync (an unmapped location): logged as needing action.</summary>
public sealed class SyncNeedsActionException(string message) : Exception(message);
