using ShopFloor.Shopify.Client;
using ShopFloor.Shopify.Connection;

namespace ShopFloor.Shopify.Stock;

/// <summary>Every inventory level's Available in a store, read in one bulk operation (10 points whatever the size).</summary>
public sealed class ShopifyLevels(BulkQueries bulk, TokenVault tokens)
{
    public async Task<Dictionary<(string Location, string Item), long>> ReadAsync(ShopifyStore store, CancellationToken ct)
    {
        var credentials = tokens.CredentialsOf(store);
        var url = await bulk.WaitAsync(credentials, await bulk.StartAsync(credentials, Operations.InventoryLevelsBulkQuery, ct), ct);
        var levels = new Dictionary<(string, string), long>();
        if (url is null)
            return levels;
        await foreach (var lines in bulk.ReadAsync(url, 0, 1_000, ct))
            foreach (var line in lines.Select(ShopifyJson.Read<LocationLevelLine>).Where(l => l is { ParentId: not null, Item: not null }))
                levels[(line.ParentId!, line.Item!.Id)] = (line.Quantities ?? []).Where(q => q.Name == "available").Select(q => q.Quantity).FirstOrDefault();
        return levels;
    }
}
