using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ShopFloor.Tests.Infrastructure;

namespace ShopFloor.Tests.Api;

public sealed class ApiKeyCommandTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "shopfloor-cli-" + Shop.Unique());

    [Fact] // `shopfloor api-key create --name ci` prints a key once, and the service accepts it
    public async Task The_command_prints_a_key_that_the_service_then_accepts()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { typeof(Program).Assembly.Location, "api-key", "create", "--name", "ci" })
            start.ArgumentList.Add(arg);
        start.Environment["ShopFloor__DataDir"] = _dataDir;
        start.Environment["ShopFloor__Demo"] = "false";
        using var process = Process.Start(start)!;
        var key = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        Assert.StartsWith("sf_", key);

        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ShopFloor:DataDir", _dataDir);
            b.UseSetting("ShopFloor:Demo", "false");
        });
        var api = new ApiClient(app.CreateClient(), key);
        Assert.Equal(HttpStatusCode.OK, (await api.Http.GetAsync("/v1/products")).StatusCode);
        var wrong = new ApiClient(app.CreateClient(), key + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.Http.GetAsync("/v1/products")).StatusCode);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}
