using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ShopFloor.Shopify.Client;

/// <summary>
/// Shopify's bulk operations: start a query, wait for it to finish, then stream its JSONL result a line at a time,
/// so memory stays flat however large the catalogue.
/// </summary>
public sealed class BulkQueries(ShopifyAdminClient shopify, IHttpClientFactory httpClients, TimeProvider clock)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public async Task<string> StartAsync(ShopifyCredentials store, string query, CancellationToken ct)
    {
        var result = (await shopify.SendAsync(store, Operations.BulkOperationRunQuery, new { query }, ct)).GetProperty("bulkOperationRunQuery");
        if (result.GetProperty("userErrors") is { ValueKind: JsonValueKind.Array } errors && errors.GetArrayLength() > 0)
            throw new ShopifyException($"Shopify refused the bulk query: {errors}");
        return result.GetProperty("bulkOperation").GetProperty("id").GetString()!;
    }

    /// <summary>Waits until the operation completes; the JSONL file's address, or null when there was nothing to return.</summary>
    public async Task<string?> WaitAsync(ShopifyCredentials store, string operationId, CancellationToken ct)
    {
        while (true)
        {
            var operation = (await shopify.SendAsync(store, Operations.BulkOperation, new { id = operationId }, ct)).GetProperty("bulkOperation");
            switch (operation.GetProperty("status").GetString())
            {
                case "COMPLETED":
                    return operation.GetProperty("url").GetString();
                case "FAILED" or "CANCELED" or "EXPIRED":
                    throw new ShopifyException($"The bulk operation {operationId} ended {operation.GetProperty("status").GetString()}: {operation.GetProperty("errorCode")}.");
            }
            await Task.Delay(PollInterval, clock, ct);
        }
    }

    /// <summary>The result's lines in batches, skipping the first <paramref name="skip"/> lines (a resumed import).</summary>
    public async IAsyncEnumerable<IReadOnlyList<JsonElement>> ReadAsync(string url, int skip, int batchSize, [EnumeratorCancellation] CancellationToken ct)
    {
        var http = httpClients.CreateClient(nameof(BulkQueries));
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        var batch = new List<JsonElement>(batchSize);
        for (var number = 0; await reader.ReadLineAsync(ct) is { } line; number++)
        {
            if (number < skip || line.Length == 0)
                continue;
            batch.Add(JsonDocument.Parse(line).RootElement.Clone());
            if (batch.Count < batchSize)
                continue;
            yield return batch;
            batch = new List<JsonElement>(batchSize);
        }
        if (batch.Count > 0)
            yield return batch;
    }
}
