using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ShopFloor.WooEmulator.Tests;

public sealed record Delivery(IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>A webhook endpoint on loopback: records what arrives and answers 200, or the status it is told.</summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Receiver(WebApplication app) => _app = app;

    public ConcurrentQueue<Delivery> Received { get; } = new();
    public int AnswerStatus { get; set; } = 200;
    public string Url { get; private set; } = "";

    public static async Task<Receiver> StartAsync()
    {
        var app = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]).Build();
        var receiver = new Receiver(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            receiver.Received.Enqueue(new Delivery(
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), await reader.ReadToEndAsync()));
            return Results.StatusCode(receiver.AnswerStatus);
        });
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
        return receiver;
    }

    /// <summary>Waits until a delivery matching <paramref name="which"/> arrives.</summary>
    public async Task<Delivery> WaitForAsync(Func<Delivery, bool> which, string what)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(20))
            if (Received.FirstOrDefault(which) is { } found)
                return found;
        throw new Xunit.Sdk.XunitException($"no delivery arrived: {what}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
