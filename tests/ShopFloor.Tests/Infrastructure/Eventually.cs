namespace ShopFloor.Tests.Infrastructure;

/// <summary>Waits for what background work makes true (webhook processing, stock push), failing after a limit.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 20, Func<Task<string>>? explain = null)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            if (await condition())
                return;
            await Task.Delay(50);
        }
        Assert.Fail($"Waited {seconds} s for: {what}" + (explain is null ? "" : "\n" + await explain()));
    }

    public static async Task<T> ValueAsync<T>(Func<Task<T?>> read, string what, int seconds = 20) where T : class
    {
        T? value = null;
        await TrueAsync(async () => (value = await read()) is not null, what, seconds);
        return value!;
    }

    public static async Task<System.Text.Json.JsonElement> ElementAsync(Func<Task<System.Text.Json.JsonElement?>> read, string what, int seconds = 20,
        Func<Task<string>>? explain = null)
    {
        System.Text.Json.JsonElement? value = null;
        await TrueAsync(async () => (value = await read()) is not null, what, seconds, explain);
        return value!.Value;
    }
}
