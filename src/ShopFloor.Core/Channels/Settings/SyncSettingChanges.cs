namespace ShopFloor.Core.Channels.Settings;

/// <summary>What changed between two settings of a store, in the sync log's words: "inventory sync off".</summary>
public static class SyncSettingChanges
{
    public static IReadOnlyList<string> Between(IStoreSyncSettings before, IStoreSyncSettings after) =>
        new (string Name, bool Before, bool After)[]
        {
            ("inventory sync", before.InventorySync, after.InventorySync),
            ("import of orders awaiting payment", before.ImportPendingOrders, after.ImportPendingOrders),
            ("shipping-fee row", before.ShippingFeeRow, after.ShippingFeeRow),
            ("deliveries from the store", before.DeliveriesFromStore, after.DeliveriesFromStore),
            ("deliveries to the store", before.DeliveriesToStore, after.DeliveriesToStore),
            ("return orders", before.CreateReturns, after.CreateReturns),
        }.Where(c => c.Before != c.After).Select(c => $"{c.Name} {(c.After ? "on" : "off")}").ToList();
}
