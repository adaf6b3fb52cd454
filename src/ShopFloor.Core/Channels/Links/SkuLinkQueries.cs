using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Channels.SyncLog;
using ShopFloor.Core.Data;

namespace ShopFloor.Core.Channels.Links;

public static class SkuLinkQueries
{
    /// <summary>The items one store sells that ShopFloor knows.</summary>
    public static IQueryable<SkuLink> LinksOf(this ShopFloorDbContext db, ChannelStore store) =>
        db.Set<SkuLink>().Where(l => l.Channel == store.Channel && l.StoreId == store.Id);

    /// <summary>The items several stores of one channel sell.</summary>
    public static IQueryable<SkuLink> LinksOf(this ShopFloorDbContext db, string channel, IReadOnlyCollection<long> storeIds) =>
        db.Set<SkuLink>().Where(l => l.Channel == channel && storeIds.Contains(l.StoreId));
}
