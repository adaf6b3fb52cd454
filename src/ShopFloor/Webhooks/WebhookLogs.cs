using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Core.Common;
using ShopFloor.Core.Data;
using ShopFloor.Core.Webhooks;

namespace ShopFloor.Webhooks;

public sealed record WebhookLogsExportRequest(
    long? WebhookId, string? Event, int? StatusCode, bool? Delivered, DateTime? CreatedAtMin, DateTime? CreatedAtMax);

public sealed record WebhookLogsExport(string Url);

/// <summary>
/// Katana's webhook log export: the answer is a pre-signed link (valid for an hour, no API key needed, as a storage
/// link would be) to a CSV of the deliveries that match, one line per event and webhook.
/// </summary>
public static class WebhookLogs
{
    public const string DownloadPath = "/webhook_logs";
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(1);

    public static void MapWebhookLogDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet(DownloadPath + "/{token}", Download).ExcludeFromDescription();

    public static Ok<WebhookLogsExport> Export(WebhookLogsExportRequest request, IDataProtectionProvider protection, HttpContext http)
    {
        if (request.Event is { } e && !WebhookEvents.Raised.Contains(e))
            throw new ValidationFailedException("event", $"'{e}' is not an event ShopFloor raises");
        var token = Protector(protection).Protect(JsonSerializer.Serialize(request), LinkLifetime);
        var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{DownloadPath}/{token}";
        return TypedResults.Ok(new WebhookLogsExport(url));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Download(
        string token, IDataProtectionProvider protection, ShopFloorDbContext db, CancellationToken ct)
    {
        WebhookLogsExportRequest filter;
        try
        {
            filter = JsonSerializer.Deserialize<WebhookLogsExportRequest>(Protector(protection).Unprotect(token))!;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return TypedResults.NotFound(); // forged, or older than an hour
        }
        var rows = await Matching(db.Set<WebhookDelivery>().AsNoTracking(), filter).OrderBy(d => d.Id).ToListAsync(ct);
        return TypedResults.File(Csv(rows), "text/csv", "webhook-logs.csv");
    }

    private static IQueryable<WebhookDelivery> Matching(IQueryable<WebhookDelivery> deliveries, WebhookLogsExportRequest f)
    {
        var (from, to) = (f.CreatedAtMin?.ToUniversalTime(), f.CreatedAtMax?.ToUniversalTime());
        return deliveries.Where(d =>
            (f.WebhookId == null || d.WebhookId == f.WebhookId) && (f.Event == null || d.Action == f.Event)
            && (f.StatusCode == null || d.StatusCode == f.StatusCode)
            && (f.Delivered == null || (d.DeliveredAt != null) == f.Delivered)
            && (from == null || d.CreatedAt >= from) && (to == null || d.CreatedAt <= to));
    }

    private static readonly string[] Columns =
    [
        "id", "webhook_id", "event", "resource_type", "resource_id", "status", "delivered", "status_code", "attempts", "error",
        "created_at", "delivered_at", "next_attempt_at",
    ];

    private static byte[] Csv(IEnumerable<WebhookDelivery> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, null, leaveOpen: true))
        {
            csv.WriteHeader(Columns);
            foreach (var d in rows)
                csv.WriteRecord(
                [
                    Text(d.Id), Text(d.WebhookId), d.Action, d.ResourceType, d.ResourceId, d.Status, d.Delivered ? "true" : "false",
                    Text(d.StatusCode), Text(d.Attempts), d.Error, Time(d.CreatedAt), Time(d.DeliveredAt), Time(d.NextAttemptAt),
                ]);
        }
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string? Text(long? number) => number?.ToString(CultureInfo.InvariantCulture);

    private static string? Time(DateTime? at) => at is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture) : null;

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector("ShopFloor.WebhookLogs.Export").ToTimeLimitedDataProtector();
}
