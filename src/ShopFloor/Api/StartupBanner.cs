using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ShopFloor.Api;

internal static class StartupBanner
{
    public static void Print(WebApplication app, bool ownerNeeded)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
            Console.WriteLine($"ShopFloor is running at {address} (API reference: {address}/reference)");
        var firstRun = app.Services.GetRequiredService<Access.FirstRun>();
        if (ownerNeeded && firstRun.CodeIsPrinted)
            Console.WriteLine($"First run: open {addresses.FirstOrDefault()}/account/setup and create the owner's account with the setup code {firstRun.Code}");
        Console.WriteLine("API keys for scripts: Settings → API keys in the web app, or  dotnet run --project src/ShopFloor -- api-key create --name me");
    }
}
