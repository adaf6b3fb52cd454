using Microsoft.Playwright;

namespace ShopFloor.Tests.Web;

/// <summary>Debian's Chromium, headless, driven by Playwright (which cannot download its own browsers here).</summary>
public sealed class Browser : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    /// <summary>Where screenshots of the main pages are saved (test artifacts).</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"The browser tests need Debian's chromium at {Chromium} (./test.sh installs it).");
        _playwright = await Playwright.CreateAsync();
        // A page waits for the server's answer: on two busy cores (the whole suite at once) 5 s is not always enough.
        Assertions.SetDefaultExpectTimeout(20_000);
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        await Instance.DisposeAsync();
        _playwright?.Dispose();
    }
}
