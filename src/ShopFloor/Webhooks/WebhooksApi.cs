using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Api;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Webhooks;

namespace ShopFloor.Webhooks;

public sealed record CreateWebhookRequest(string? Url, bool? Enabled, IReadOnlyList<string>? SubscribedEvents, string? Description);

public sealed record UpdateWebhookRequest(string? Url, bool? Enabled, IReadOnlyList<string>? SubscribedEvents, string? Description);

public sealed record WebhookResponse(
    long Id, string Url, string Token, bool Enabled, string? Description, IReadOnlyList<string> SubscribedEvents, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static WebhookResponse From(Webhook w) => new(w.Id, w.Url, w.Token, w.Enabled, w.Description, w.SubscribedEvents, w.CreatedAt, w.UpdatedAt);
}

/// <summary>/v1/webhooks: Katana's subscriptions to ShopFloor's events, posted signed to the subscriber's endpoint.</summary>
public static class WebhooksApi
{
    public static void MapWebhooks(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/webhooks").WithTags("Webhooks");
        group.MapGet("", ListAsync);
        group.MapPost("", CreateAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPatch("/{id:long}", UpdateAsync);
        group.MapDelete("/{id:long}", DeleteAsync);
        v1.MapPost("/webhook_logs_export", WebhookLogs.Export).WithTags("Webhooks");
    }

    private static Task<ListResponse<WebhookResponse>> ListAsync(
        string? url, bool? enabled, [FromQuery(Name = "ids")] string[]? ids, [AsParameters] PageQuery paging,
        ShopFloorDbContext db, HttpContext http, CancellationToken ct)
    {
        var wanted = RecordFilters.Parse(ids, "ids");
        return db.Set<Webhook>().AsNoTracking()
            .Where(w => (wanted.Count == 0 || wanted.Contains(w.Id)) && (url == null || w.Url == url) && (enabled == null || w.Enabled == enabled))
            .OrderByDescending(w => w.Id)
            .ToPageAsync(paging, http, WebhookResponse.From, ct);
    }

    private static async Task<Ok<WebhookResponse>> CreateAsync(CreateWebhookRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var webhook = new Webhook(request.Url ?? throw new ValidationFailedException("url", "is required"),
            request.SubscribedEvents ?? throw new ValidationFailedException("subscribed_events", "is required"),
            request.Description, request.Enabled ?? true, RandomNumberGenerator.GetHexString(16, lowercase: true), clock.GetUtcNow().UtcDateTime);
        db.Add(webhook);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(WebhookResponse.From(webhook));
    }

    private static async Task<Ok<WebhookResponse>> GetAsync(long id, ShopFloorDbContext db, CancellationToken ct) =>
        TypedResults.Ok(WebhookResponse.From(await FindAsync(db, id, ct)));

    private static async Task<Ok<WebhookResponse>> UpdateAsync(long id, UpdateWebhookRequest request, ShopFloorDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var webhook = await FindAsync(db, id, ct);
        webhook.Change(request.Url, request.SubscribedEvents, request.Description, request.Enabled, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(WebhookResponse.From(webhook));
    }

    /// <summary>Deleting a webhook also drops its deliveries still waiting; their log goes with it.</summary>
    private static async Task<NoContent> DeleteAsync(long id, ShopFloorDbContext db, CancellationToken ct)
    {
        db.Remove(await FindAsync(db, id, ct));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Webhook> FindAsync(ShopFloorDbContext db, long id, CancellationToken ct) =>
        await db.Set<Webhook>().FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException("Webhook", id);
}
