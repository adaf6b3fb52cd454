using GraphQL;
using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.Exceptions;
using ShopFloor.ShopifyEmulator.RateLimits;
using ShopFloor.ShopifyEmulator.Store;
using ShopFloor.ShopifyEmulator.Webhooks;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>POST /admin/api/{version}/graphql.json, answering as Shopify's Admin API does.</summary>
public static class AdminApiEndpoint
{
    public static void MapAdminApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/admin/api/{version}/graphql.json", HandleAsync).ExcludeFromDescription();

    private static async Task HandleAsync(
        string version, HttpContext http, ShopRegistry shops, Buckets buckets, WebhookDispatcher webhooks, OrderBook orders, OrderChanges changes, LocationChanges locations, Bulk.BulkOperations bulk,
        IDocumentExecuter executer, IGraphQLTextSerializer serializer, TimeProvider clock, CancellationToken ct)
    {
        var shop = shops.ByToken(http.Request.Headers["X-Shopify-Access-Token"]);
        if (shop is null)
        {
            await Json(http, 401, new { errors = "[API] Invalid API key or access token (unrecognized login or wrong password)" }, serializer);
            return;
        }
        if (ApiVersions.Serving(version) is not { } served)
        {
            await Json(http, 404, new { errors = "Not Found" }, serializer);
            return;
        }
        http.Response.Headers["X-Shopify-API-Version"] = served;
        if (await FaultAsync(http, shop, serializer, ct))
            return;

        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, ct);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
        {
            request = null;
        }
        if (request?.Query is not { Length: > 0 } query)
        {
            await Json(http, 400, new { errors = new { query = new[] { "Required parameter missing or invalid" } } }, serializer);
            return;
        }

        int cost;
        GraphQLParser.AST.GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
            cost = QueryCost.Of(document, request.OperationName, request.Variables, AdminSchema.For(served));
        }
        catch (GraphQLSyntaxErrorException e)
        {
            await Json(http, 200, new { errors = new[] { new { message = e.Description, locations = new[] { new { line = e.Location.Line, column = e.Location.Column } } } } }, serializer);
            return;
        }
        var bucket = buckets.For(shop);
        if (cost > QueryCost.MaxSingleQuery)
        {
            await Json(http, 200, new
            {
                errors = new[] { new { message = $"Query cost is {cost}, which exceeds the single query max cost limit ({QueryCost.MaxSingleQuery}).", extensions = new { code = "MAX_COST_EXCEEDED", cost, maxCost = QueryCost.MaxSingleQuery } } },
                extensions = new { cost = Cost(cost, null, bucket.Refund(0)) },
            }, serializer);
            return;
        }
        var (taken, status) = bucket.TryTake(cost);
        if (!taken)
        {
            await Json(http, 200, new
            {
                errors = new[] { new { message = "Throttled", extensions = new { code = "THROTTLED", documentation = "https://shopify.dev/api/usage/rate-limits" } } },
                extensions = new { cost = Cost(cost, null, status) },
            }, serializer);
            return;
        }

        await shop.Gate.WaitAsync(ct);
        ExecutionResult result;
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            result = await executer.ExecuteAsync(options =>
            {
                options.Schema = AdminSchema.For(served);
                options.Query = query;
                options.Variables = request.Variables;
                options.OperationName = request.OperationName;
                options.Root = AdminRoot.For(shop, served, webhooks, orders, changes, locations, bulk, $"{http.Request.Scheme}://{http.Request.Host}", now);
                options.CancellationToken = ct;
                options.ThrowOnUnhandledException = false;
            });
        }
        finally
        {
            shop.Gate.Release();
        }
        if (shop.Faults.TakeLostAnswer())
        {
            http.Abort();
            return;
        }
        result.Extensions ??= new Dictionary<string, object?>();
        if (result.Executed)
        {
            // Charged what was asked for up front; what the answer did not use comes back.
            var data = System.Text.Json.Nodes.JsonNode.Parse(serializer.Serialize(result))?["data"] as System.Text.Json.Nodes.JsonObject;
            var actual = Math.Min(cost, QueryCost.Actual(document, request.OperationName, data));
            result.Extensions["cost"] = Cost(cost, actual, bucket.Refund(cost - actual));
            bucket.Record(request.OperationName ?? document.Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().FirstOrDefault()?.Name?.StringValue, actual);
        }
        else
            result.Extensions["cost"] = Cost(cost, 0, bucket.Refund(cost));
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        await serializer.WriteAsync(http.Response.Body, result, ct);
    }

    private static object Cost(int requested, int? actual, ThrottleStatus status) => new Dictionary<string, object?>
    {
        ["requestedQueryCost"] = requested,
        ["actualQueryCost"] = actual,
        ["throttleStatus"] = new Dictionary<string, object?>
        {
            ["maximumAvailable"] = status.MaximumAvailable,
            ["currentlyAvailable"] = status.CurrentlyAvailable,
            ["restoreRate"] = status.RestoreRate,
        },
    };

    /// <summary>The fault switches: 429 with Retry-After, 5xx, or an answer that never comes.</summary>
    private static async Task<bool> FaultAsync(HttpContext http, Shop shop, IGraphQLTextSerializer serializer, CancellationToken ct)
    {
        if (shop.Faults.Hits(shop.Faults.TooManyRequestsShare))
        {
            http.Response.Headers.RetryAfter = "1";
            await Json(http, 429, new { errors = "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service." }, serializer);
            return true;
        }
        if (shop.Faults.Hits(shop.Faults.ServerErrorShare))
        {
            await Json(http, 503, new { errors = "Service Unavailable" }, serializer);
            return true;
        }
        if (shop.Faults.Hits(shop.Faults.TimeoutShare))
        {
            await Task.Delay(TimeSpan.FromSeconds(60), ct).ContinueWith(_ => { }, TaskScheduler.Default);
            http.Abort();
            return true;
        }
        return false;
    }

    private static async Task Json(HttpContext http, int status, object body, IGraphQLTextSerializer serializer)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(body, System.Text.Json.JsonSerializerOptions.Web));
    }
}
