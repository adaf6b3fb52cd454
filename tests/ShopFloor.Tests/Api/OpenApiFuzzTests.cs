using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ShopFloor.Tests.Infrastructure;
using static ShopFloor.Tests.Infrastructure.Orders;

namespace ShopFloor.Tests.Api;

/// <summary>
/// #14, #21: property-style fuzzing from the API's own OpenAPI document. Every /v1 operation gets requests built
/// from its schema — valid values, edge values (0, −1, 1e20, "5,5", NUL, 20,000 characters) and wrong types —
/// and none may answer a server error. The number of cases is bounded; the seed is printed to replay a failure.
/// </summary>
public abstract class OpenApiFuzzTests(ShopFloorApp app)
{
    private const int CasesPerOperation = 10;

    [Fact] // no request the OpenAPI document allows makes the service fail (5xx), on either database
    public async Task No_request_from_the_openapi_document_gets_a_server_error()
    {
        await SeedAsync();
        var seed = Environment.GetEnvironmentVariable("SHOPFLOOR_FUZZ_SEED") is { } fixedSeed ? int.Parse(fixedSeed) : Environment.TickCount;
        var random = new Random(seed);
        var api = app.Api();
        var document = JsonNode.Parse(await api.Http.GetStringAsync("/openapi/v1.json"))!;
        var generator = new SchemaValues(document, random);
        var failures = new List<string>();
        var sent = 0;
        foreach (var (path, operations) in document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/v1/")).OrderBy(p => p.Key))
            foreach (var (method, operation) in operations!.AsObject().OrderBy(o => o.Key))
                for (var i = 0; i < CasesPerOperation; i++)
                {
                    var request = generator.Request(new HttpMethod(method.ToUpperInvariant()), path, operation!);
                    var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync();
                    var response = await api.Http.SendAsync(request);
                    sent++;
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"{request.Method} {request.RequestUri} {Shorten(body)} → {(int)response.StatusCode} {Shorten(await response.Content.ReadAsStringAsync())}");
                }
        Assert.True(sent > 500, $"only {sent} requests were generated");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests got a server error (seed {seed}, SHOPFLOOR_FUZZ_SEED replays it):\n" + string.Join("\n", failures.Take(30)));
    }

    /// <summary>A few records of each kind, so that generated ids (1, 2, 3…) hit real ones as well as missing ones.</summary>
    private async Task SeedAsync()
    {
        var shop = new Shop(app.Api());
        var orders = new Orders(app.Api());
        for (var i = 0; i < 3; i++)
        {
            var location = await shop.LocationAsync();
            var product = await shop.ProductAsync();
            var material = await shop.MaterialAsync();
            await shop.AdjustAsync(location, material, 10);
            await app.Api().PostAsync("/v1/bom_rows", new { product_variant_id = product, ingredient_variant_id = material, quantity = 1 });
            await orders.PurchaseOrderAsync(location, (material, 2));
            var sale = await orders.SalesOrderAsync(location, (product, 1));
            if (i == 0)
                await orders.FulfillAsync(Id(sale), "DELIVERED");
            await orders.ManufacturingOrderAsync(product, location, 1);
            await app.Api().PostAsync("/v1/customers", new { name = "Customer " + Shop.Unique() });
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>Values for OpenAPI 3.1 schemas, mostly well-typed, sometimes at or past the edges, sometimes wrong.</summary>
    private sealed class SchemaValues(JsonNode document, Random random)
    {
        private static readonly long[] Ids = [1, 2, 3, 4, 0, -1, 999_999, long.MaxValue];
        private static readonly string[] Words = ["Widget", "", "a", "received", "DELIVERED", "NOT_SHIPPED", "PACKED", "draft", "inTransit", "RECEIVED",
            "NOT_RECEIVED", "DONE", "IN_PROGRESS", "NOT_STARTED", "RETURNED", "product", "zz\u0000zz", "ünïcødé ✓", new string('x', 300), new string('y', 20_000)];

        public HttpRequestMessage Request(HttpMethod method, string path, JsonNode operation)
        {
            var url = new StringBuilder(path);
            var query = new List<string>();
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                var name = parameter!["name"]!.GetValue<string>();
                var value = Scalar(parameter["schema"]);
                if (parameter["in"]!.GetValue<string>() == "path")
                    url.Replace("{" + name + "}", Uri.EscapeDataString(value));
                else if (random.Next(3) > 0)
                    query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
            var request = new HttpRequestMessage(method, url + (query.Count > 0 ? "?" + string.Join("&", query) : ""));
            if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema)
                request.Content = new StringContent(random.Next(20) == 0 ? "{\"broken\": " : Value(schema, 0)?.ToJsonString() ?? "null",
                    Encoding.UTF8, "application/json");
            return request;
        }

        private JsonNode? Value(JsonNode? schema, int depth)
        {
            schema = Resolve(schema);
            if (random.Next(12) == 0)
                return Wrong();
            var types = Types(schema);
            var type = types[random.Next(types.Count)];
            return type switch
            {
                "null" => null,
                "object" when depth < 4 => Object(schema!, depth),
                "array" when depth < 4 => new JsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => Value(schema!["items"], depth + 1)).ToArray()),
                "integer" => JsonValue.Create(Ids[random.Next(Ids.Length)]),
                "number" => Number(),
                "boolean" => JsonValue.Create(random.Next(2) == 0),
                _ => JsonValue.Create(Text(schema)),
            };
        }

        private JsonObject Object(JsonNode schema, int depth)
        {
            var result = new JsonObject();
            foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                if (random.Next(8) > 0)
                    result[name] = Value(property, depth + 1);
            return result;
        }

        private string Scalar(JsonNode? schema)
        {
            var types = Types(Resolve(schema));
            return random.Next(10) == 0 ? Words[random.Next(Words.Length)]
                : types.Contains("integer") ? Ids[random.Next(Ids.Length)].ToString()
                : types.Contains("boolean") ? (random.Next(2) == 0 ? "true" : "false")
                : Text(schema);
        }

        private JsonNode Number() => random.Next(9) switch
        {
            0 => JsonValue.Create(0m),
            1 => JsonValue.Create(-3m),
            2 => JsonValue.Create(99999999999999999999m),
            3 => JsonValue.Create(0.0000001m),
            4 => JsonValue.Create(1_000_000_001m),
            5 => JsonValue.Create("5,5"),
            6 => JsonValue.Create("1e400"),
            _ => JsonValue.Create((decimal)random.Next(1, 20) / 2),
        };

        private string Text(JsonNode? schema)
        {
            if (schema?["enum"] is JsonArray values && values.Count > 0)
                return values[random.Next(values.Count)]!.ToString();
            if (schema?["format"]?.GetValue<string>() == "date-time")
                return random.Next(5) == 0 ? "9999-99-99" : DateTime.UtcNow.AddDays(random.Next(-30, 30)).ToString("O");
            return Words[random.Next(Words.Length)];
        }

        private JsonNode? Wrong() => random.Next(6) switch
        {
            0 => null,
            1 => JsonValue.Create(true),
            2 => JsonValue.Create("not what was asked"),
            3 => new JsonArray(),
            4 => new JsonObject(),
            _ => JsonValue.Create(-1),
        };

        private static List<string> Types(JsonNode? schema) => schema?["type"] switch
        {
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ when schema?["properties"] is not null => ["object"],
            _ when schema?["items"] is not null => ["array"],
            _ => ["string"],
        };

        private JsonNode? Resolve(JsonNode? schema)
        {
            while (schema?["$ref"] is { } reference)
                schema = document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]];
            return schema;
        }
    }
}

public sealed class OpenApiFuzzOnSqlite(SqliteApp app) : OpenApiFuzzTests(app), IClassFixture<SqliteApp>;

public sealed class OpenApiFuzzOnPostgres(PostgresApp app) : OpenApiFuzzTests(app), IClassFixture<PostgresApp>;
