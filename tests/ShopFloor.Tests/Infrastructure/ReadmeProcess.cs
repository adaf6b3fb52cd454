using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ShopFloor.Tests.Infrastructure;

/// <summary>
/// ShopFloor started as the README's first command starts it: <c>dotnet run --project src/ShopFloor</c> in a child
/// process, with no settings in the environment (so in Production, with the demo store). Only the port and the data
/// folder are given, as arguments, so the run neither collides with another nor touches a developer's demo.
/// </summary>
public sealed partial class ReadmeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _demoReady = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ReadmeProcess(string dataDir)
    {
        DataDir = dataDir;
        _process = new Process { StartInfo = PlainShell("run", "--project", "src/ShopFloor", "--", "--urls", "http://127.0.0.1:0", $"--ShopFloor:DataDir={dataDir}") };
        _process.OutputDataReceived += (_, e) => Read(e.Data);
        _process.ErrorDataReceived += (_, e) => Read(e.Data);
    }

    /// <summary>`dotnet run --project src/ShopFloor -- args…` beside the running app (same data folder); its standard output.</summary>
    public async Task<string> RunCommandAsync(params string[] args)
    {
        using var process = Process.Start(PlainShell(["run", "--project", "src/ShopFloor", "--", .. args, $"--ShopFloor:DataDir={DataDir}"]))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"the command failed: {await error}");
        return (await output).Trim();
    }

    private static ProcessStartInfo PlainShell(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // A plain shell's environment: no ASPNETCORE_/DOTNET_ENVIRONMENT, none of the test host's settings.
        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME", "NUGET_PACKAGES", "DOTNET_ROOT", "TMPDIR" })
            if (Environment.GetEnvironmentVariable(name) is { } value)
                start.Environment[name] = value;
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return start;
    }

    public string DataDir { get; }

    public Uri Address => _address.Task.Result;

    /// <summary>Everything the process printed so far (standard output and error).</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Builds and starts the app, then waits until it listens and its demo store is connected.</summary>
    public static async Task<ReadmeProcess> StartAsync(TimeSpan limit)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "shopfloor-readme-" + Shop.Unique());
        var app = new ReadmeProcess(dataDir);
        app._process.Start();
        app._process.StandardInput.Close();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        var exited = app._process.WaitForExitAsync();
        var ready = Task.WhenAll(app._address.Task, app._demoReady.Task);
        if (await Task.WhenAny(ready, exited, Task.Delay(limit)) != ready)
        {
            var output = app.Output;
            await app.DisposeAsync();
            Assert.Fail($"`dotnet run --project src/ShopFloor` was not ready within {limit.TotalSeconds} s:\n{output}");
        }
        return app;
    }

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ShopFloor.slnx")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
        }
    }

    private void Read(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
        if (RunningAt().Match(line) is { Success: true } running)
            _address.TrySetResult(new Uri(running.Groups["url"].Value.TrimEnd('/') + "/"));
        if (line.Contains("is connected and synced"))
            _demoReady.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [GeneratedRegex(@"ShopFloor is running at (?<url>http\S+)")]
    private static partial Regex RunningAt();
}
