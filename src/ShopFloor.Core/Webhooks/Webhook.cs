using ShopFloor.Core.Common;

namespace ShopFloor.Core.Webhooks;

/// <summary>
/// A subscriber's endpoint (Katana's webhooks): ShopFloor posts each subscribed event to it, signed with its token.
/// </summary>
public sealed class Webhook
{
    private Webhook() { }

    public Webhook(string url, IReadOnlyCollection<string> events, string? description, bool enabled, string token, DateTime now)
    {
        Url = WebhookUrl.Checked(url);
        SubscribedEvents = WebhookEvents.Checked(events);
        Description = description;
        Enabled = enabled;
        Token = token;
        CreatedAt = UpdatedAt = now;
    }

    public long Id { get; private set; }
    public string Url { get; private set; } = "";

    /// <summary>The HMAC key of the X-Sha2-Signature header: 16 lowercase hex characters, as Katana's.</summary>
    public string Token { get; private set; } = "";

    public bool Enabled { get; private set; }
    public string? Description { get; private set; }
    public List<string> SubscribedEvents { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    public bool Wants(string action) => Enabled && SubscribedEvents.Contains(action);

    /// <summary>PATCH: what is given replaces what was; the rest stays.</summary>
    public void Change(string? url, IReadOnlyCollection<string>? events, string? description, bool? enabled, DateTime now)
    {
        if (url is not null)
            Url = WebhookUrl.Checked(url);
        if (events is not null)
            SubscribedEvents = WebhookEvents.Checked(events);
        if (description is not null)
            Description = description;
        if (enabled is { } on)
            Enabled = on;
        UpdatedAt = now;
    }
}

internal static class WebhookUrl
{
    /// <summary>HTTPS, as Katana requires; plain HTTP only to this machine, for local receivers and tests.</summary>
    public static string Checked(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            throw new ValidationFailedException("url", "must be an https:// address (http:// only to localhost)");
        return url;
    }
}
