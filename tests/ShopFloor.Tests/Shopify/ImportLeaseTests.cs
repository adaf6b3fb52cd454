using Microsoft.AspNetCore.Hosting;
using ShopFloor.Tests.Infrastructure;
using Shop = ShopFloor.Tests.Infrastructure.Shop;

namespace ShopFloor.Tests.Shopify;

/// <summary>ShopFloor whose import leases last one second, so a slow page outlasts several of them.</summary>
public sealed class ShortLeaseApp : ShopFloorApp
{
    public override string DatabaseKind => "sqlite";

    protected override void Tune(IWebHostBuilder builder)
    {
        base.Tune(builder);
        builder.UseSetting("ShopFloor:Imports:Lease", "00:00:01");
    }
}

public sealed class ImportLeaseTests(ShortLeaseApp app) : IClassFixture<ShortLeaseApp>
{
    [Fact] // #21, R-IMP-1: a page that takes longer than the lease is not taken for an abandoned job; one runner, one attempt
    public async Task A_slow_page_keeps_its_lease_and_gets_no_second_runner()
    {
        var stores = new ShopifyStores(app, app.Api());
        var (shop, token) = stores.NewStore();
        var sku = "SLOW-" + Shop.Unique();
        await stores.AddProductAsync(shop, "Slow jar", (sku, true));
        var id = (await stores.ConnectAsync(shop, token)).GetProperty("id").GetInt64();

        await shop.Gate.WaitAsync(); // the store answers nothing for four leases
        var import = Task.Run(() => stores.ImportAsync(id, "products"));
        await Task.Delay(TimeSpan.FromSeconds(4));
        shop.Gate.Release();

        var job = await import;
        Assert.Equal("SUCCEEDED", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
    }
}
