using ShopFloor.Core.Inventory;

namespace ShopFloor.Tests.Api;

public sealed class ArchitectureTests
{
    [Fact] // the domain never depends on the host (nor, later, on the Shopify integration)
    public void Core_references_neither_the_host_nor_an_integration()
    {
        var core = typeof(StockLedger).Assembly;
        Assert.Equal("ShopFloor.Core", core.GetName().Name);
        var references = core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r == "ShopFloor" || r.StartsWith("ShopFloor.Shopify", StringComparison.Ordinal));
    }
}
