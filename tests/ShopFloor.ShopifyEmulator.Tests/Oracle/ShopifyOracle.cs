using System.Diagnostics;
using System.Text.Json;

namespace ShopFloor.Oracle;

/// <summary>
/// Shopify's official Node libraries (@shopify/shopify-api, @shopify/admin-api-client, versions pinned in
/// Oracle/package-lock.json) as the judge of what the emulator and ShopFloor send: oracle.mjs runs one command
/// per call. The packages are installed from the lockfile (npm ci) on first use.
/// </summary>
public static class ShopifyOracle
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Oracle");
    private static readonly Lazy<Task> Installed = new(InstallAsync);

    public static async Task<JsonElement> RunAsync(string command, object input)
    {
        await Installed.Value;
        var (status, output, error) = await RunProcessAsync("node", ["oracle.mjs", command], JsonSerializer.Serialize(input));
        Assert.True(status == 0, $"node oracle.mjs {command} exited {status}: {error}");
        var answer = JsonDocument.Parse(output).RootElement.Clone();
        Assert.False(answer.TryGetProperty("thrown", out var thrown), $"the Shopify library threw: {thrown}");
        return answer;
    }

    private static async Task InstallAsync()
    {
        if (Directory.Exists(Path.Combine(Folder, "node_modules", "@shopify", "shopify-api")))
            return;
        var (status, _, error) = await RunProcessAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], "");
        Assert.True(status == 0, $"npm ci in {Folder} failed: {error}");
    }

    private static async Task<(int Status, string Output, string Error)> RunProcessAsync(string file, string[] arguments, string input)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
