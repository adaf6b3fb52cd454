using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ShopFloor.Tests.Api.Katana;
using ShopFloor.Tests.Infrastructure;
using static ShopFloor.Tests.Infrastructure.Orders;

namespace ShopFloor.Tests.Api;

/// <summary>
/// #16: a script written for Katana's API works against ShopFloor with a changed base address. Katana's own
/// description (Api/Katana/katana-openapi.yaml, not ShopFloor's) is the judge: the routes, the documented success
/// statuses, the response schemas and the request examples.
/// </summary>
public abstract class KatanaContractTests(ShopFloorApp app)
{
    private static readonly KatanaDescription Katana = KatanaDescription.Instance;

    [Fact]
    public async Task Katanas_core_route_families_are_each_at_least_85_percent_present()
    {
        var shared = await SharedRoutesAsync();
        var report = Katana.Routes().Where(r => KatanaRouteFamilies.FamilyOf(r) is not null)
            .GroupBy(r => KatanaRouteFamilies.FamilyOf(r)!)
            .Select(f => (Family: f.Key, Present: f.Count(shared.Contains), Total: f.Count(), Missing: f.Where(r => !shared.Contains(r)).ToList()))
            .ToList();
        Assert.Equal(KatanaRouteFamilies.Core.Count, report.Count);
        var short_ = report.Where(f => f.Present < 0.85 * f.Total).ToList();
        Assert.True(short_.Count == 0, string.Join("\n", short_.Select(f =>
            $"{f.Family}: {f.Present} of {f.Total}; missing {string.Join(", ", f.Missing)}")));
    }

    [Fact]
    public async Task Every_read_of_a_shared_route_answers_as_Katanas_schema_describes()
    {
        var seeded = await SeedAsync();
        var api = app.Api();
        var failures = new List<string>();
        var checkedReads = 0;
        foreach (var route in (await SharedRoutesAsync()).Where(r => r.Method == "GET").OrderBy(r => r.Path))
        {
            var url = await UrlAsync(route, seeded);
            var response = await api.Http.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            if (!Katana.SuccessStatuses(route).Contains((int)response.StatusCode))
            {
                failures.Add($"{route} ({url}): {(int)response.StatusCode} {Shorten(text)}");
                continue;
            }
            var body = JsonDocument.Parse(text).RootElement;
            if ((body.ValueKind == JsonValueKind.Object && body.TryGetProperty("data", out var data) ? data : body) is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() == 0)
                failures.Add($"{route} ({url}): an empty list proves nothing; seed a record");
            failures.AddRange(Katana.Errors(Katana.ResponseSchema(route, (int)response.StatusCode)!, body).Select(e => $"{route}: {e}"));
            checkedReads++;
        }
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(150)));
        Assert.True(checkedReads >= 40, $"only {checkedReads} reads checked");
    }

    [Fact]
    public async Task Katanas_request_examples_are_accepted_and_answered_as_described()
    {
        var seeded = await SeedAsync();
        var api = app.Api();
        var failures = new List<string>();
        var sent = 0;
        foreach (var route in (await SharedRoutesAsync()).Where(r => r.Method is "POST" or "PATCH").OrderBy(r => r.Path))
        {
            if (Katana.RequestExample(route) is not { } example)
                continue;
            Substitute(example, seeded.ForRoute.GetValueOrDefault(route.Path) is { } overrides
                ? new Dictionary<string, long>(seeded.ForField.Concat(overrides).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value))
                : seeded.ForField);
            var url = await UrlAsync(route, seeded);
            var response = await api.SendRawAsync(new HttpMethod(route.Method), url, example.ToJsonString());
            var text = await response.Content.ReadAsStringAsync();
            sent++;
            if (RefusedOnPurpose.TryGetValue(route, out var refusal))
            {
                if (response.StatusCode != HttpStatusCode.UnprocessableEntity || !text.Contains($"\"{refusal.Field}\""))
                    failures.Add($"{route}: ShopFloor refuses this example on purpose ({refusal.Why}), naming {refusal.Field}; got {(int)response.StatusCode} {Shorten(text)}");
            }
            else if (!Katana.SuccessStatuses(route).Contains((int)response.StatusCode))
                failures.Add($"{route} {Shorten(example.ToJsonString())} → {(int)response.StatusCode} {Shorten(text)}");
            else if (Katana.ResponseSchema(route, (int)response.StatusCode) is { } schema)
                failures.AddRange(Katana.Errors(schema, JsonDocument.Parse(text).RootElement).Select(e => $"{route}: {e}"));
        }
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures.Take(150)));
        Assert.True(sent >= 20, $"only {sent} examples sent");
    }

    /// <summary>Examples ShopFloor answers with a 422 naming the field, by design; README, "Katana compatibility".</summary>
    private static readonly Dictionary<Route, (string Field, string Why)> RefusedOnPurpose = new()
    {
        [new Route("POST", "/bom_rows/batch/create")] = ("ingredient_variant_id", "it names one ingredient twice in a recipe; ShopFloor keeps one row per ingredient"),
        [new Route("PATCH", "/purchase_orders/{id}")] = ("status", "PARTIALLY_RECEIVED follows from receiving rows and cannot be set"),
        [new Route("PATCH", "/stocktake_rows/{id}")] = ("batch_id", "ShopFloor does not track batches"),
        [new Route("POST", "/manufacturing_order_recipe_rows")] = ("batch_transactions", "ShopFloor does not track batches"),
        [new Route("PATCH", "/manufacturing_order_recipe_rows/{id}")] = ("batch_transactions", "ShopFloor does not track batches"),
        [new Route("PATCH", "/manufacturing_order_production_ingredients/{id}")] = ("batch_transactions", "ShopFloor does not track batches"),
    };

    /// <summary>Katana's routes that ShopFloor serves too, read from ShopFloor's own OpenAPI document.</summary>
    private async Task<HashSet<Route>> SharedRoutesAsync()
    {
        var document = JsonNode.Parse(await app.Api().Http.GetStringAsync("/openapi/v1.json"))!;
        var mine = document["paths"]!.AsObject().Where(p => p.Key.StartsWith("/v1/", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Select(o => new Route(o.Key.ToUpperInvariant(), Route.Normalise(p.Key[3..]))))
            .ToHashSet();
        return Katana.Routes().Where(mine.Contains).ToHashSet();
    }

    /// <summary>The route's address with <c>{id}</c> replaced by a seeded record of that kind.</summary>
    private async Task<string> UrlAsync(Route route, Seeded seeded)
    {
        var url = "/v1" + route.Path;
        if (!url.Contains("{id}"))
            return url;
        var collection = route.Path[..route.Path.IndexOf("/{id}", StringComparison.Ordinal)];
        var id = seeded.ForPath.TryGetValue(route.Path, out var known) || seeded.ForPath.TryGetValue(collection, out known) ? known.ToString()
            : (await app.Api().GetAsync($"/v1{collection}?limit=1")).GetProperty("data")[0].GetProperty("id") switch
            {
                { ValueKind: JsonValueKind.String } uuid => uuid.GetString()!, // Katana's BOM rows
                var number => number.GetRawText(),
            };
        return url.Replace("{id}", id);
    }

    /// <summary>Katana's examples name ids of Katana's demo account; these become ids of records seeded here.</summary>
    private static void Substitute(JsonNode node, IReadOnlyDictionary<string, long> ids)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                    if (value is JsonValue v && v.TryGetValue<long>(out _) && ids.TryGetValue(name, out var id))
                        obj[name] = id;
                    else if (name == "url" && value is JsonValue)
                        obj[name] = NowhereUrl; // a subscriber's endpoint: never an outside address from a test
                    else if (value is not null)
                        Substitute(value, ids);
                break;
            case JsonArray array:
                foreach (var item in array.Where(i => i is not null))
                    Substitute(item!, ids);
                break;
        }
    }

    /// <summary>HTTPS on this machine's discard port: a webhook pointed here is refused at once, and nothing leaves the machine.</summary>
    private const string NowhereUrl = "https://127.0.0.1:9/katana";

    /// <summary>Ids by field name, by collection path, and per route where an example must not reuse the common one.</summary>
    private sealed record Seeded(Dictionary<string, long> ForField, Dictionary<string, long> ForPath, Dictionary<string, Dictionary<string, long>> ForRoute);

    /// <summary>At least one record behind every shared route, made through the API as a merchant's script would.</summary>
    private async Task<Seeded> SeedAsync()
    {
        var api = app.Api();
        var shop = new Shop(api);
        var orders = new Orders(api);
        var location = await shop.LocationAsync();
        var other = await shop.LocationAsync();
        var product = await shop.ProductAsync();
        var productId = (await api.GetAsync($"/v1/variants/{product}")).GetProperty("product_id").GetInt64();
        var material = await shop.MaterialAsync();
        var spareIngredient = await shop.MaterialAsync();
        var oversold = await shop.MaterialAsync();
        var service = FirstVariantOf(await api.PostAsync("/v1/services", new { name = "Service " + Shop.Unique(), variants = new[] { new { sku = "S-" + Shop.Unique() } } }));
        await shop.AdjustAsync(location, material, 50);
        await shop.AdjustAsync(location, product, 20);
        await shop.AdjustAsync(location, oversold, -2); // Katana lets stock go below zero; /negative_stock lists it
        await api.PostAsync("/v1/bom_rows", new { product_variant_id = product, ingredient_variant_id = material, quantity = 2 });
        await api.PostAsync("/v1/stock_transfers", new
        {
            source_location_id = location, target_location_id = other,
            stock_transfer_rows = new[] { new { variant_id = material, quantity = 1 } },
        });
        var stocktake = Id(await api.PostAsync("/v1/stocktakes", new
        {
            location_id = location, stocktake_rows = new[] { new { variant_id = product, counted_quantity = 19 } },
        }));
        var supplier = await orders.SupplierAsync();
        var purchase = await orders.PurchaseOrderAsync(location, (material, 5));
        var customer = Id(await api.PostAsync("/v1/customers", new { name = "Customer " + Shop.Unique(), email = "c@example.com" }));
        await api.PostAsync("/v1/customer_addresses", new { customer_id = customer, entity_type = "billing", line_1 = "1 Main St", city = "Riga" });
        var taxRate = Id(await api.PostAsync("/v1/tax_rates", new { name = "VAT", rate = 21 }));
        await api.PostAsync("/v1/supplier_addresses", new { supplier_id = supplier, line_1 = "3 Mill Lane", city = "Tartu", country = "EE" });
        var shipping = Id((await api.GetAsync("/v1/additional_costs?name=Shipping")).GetProperty("data")[0]);
        await api.PostAsync("/v1/po_additional_cost_rows", new { group_id = Id(purchase), additional_cost_id = shipping, tax_rate_id = taxRate, price = 12.5 });
        await api.PostAsync("/v1/webhooks", new { url = NowhereUrl, enabled = false, subscribed_events = new[] { "sales_order.created" } });
        var sale = await orders.SalesOrderAsync(location, (product, 2));
        var saleRow = RowId(sale);
        await api.PostAsync("/v1/sales_order_addresses", new { sales_order_id = Id(sale), entity_type = "shipping", line_1 = "2 Harbour Rd", city = "Tallinn" });
        var delivered = await orders.SalesOrderAsync(location, (product, 2));
        await api.PostAsync("/v1/sales_order_shipping_fee", new { sales_order_id = Id(delivered), amount = 5 });
        await api.PatchAsync($"/v1/sales_orders/{Id(delivered)}", new { customer_id = customer });
        await orders.FulfillAsync(Id(delivered), "DELIVERED");
        var manufacturing = await orders.ManufacturingOrderAsync(product, location, 2);
        await api.PostAsync("/v1/manufacturing_order_productions", new { manufacturing_order_id = Id(manufacturing), completed_quantity = 1 });
        var operation = await api.PostAsync("/v1/manufacturing_order_operation_rows", new
        {
            manufacturing_order_id = Id(manufacturing), operation_name = "Assemble", type = "perUnit", planned_time_per_unit = 15, cost_per_hour = 40,
            status = "NOT_STARTED",
        });
        var deliveredRow = RowId(await orders.SalesOrderGetAsync(Id(delivered)));
        await api.PostAsync("/v1/sales_returns", new
        {
            sales_order_id = Id(delivered), customer_id = customer, return_location_id = location,
            sales_return_rows = new[] { new { variant_id = product, quantity = 1, sales_order_row_id = deliveredRow } },
        });
        return new Seeded(
            new Dictionary<string, long>
            {
                ["customer_id"] = customer, ["variant_id"] = product, ["product_variant_id"] = product, ["ingredient_variant_id"] = spareIngredient,
                ["product_id"] = productId, ["location_id"] = location, ["source_location_id"] = location, ["target_location_id"] = other,
                ["return_location_id"] = location, ["supplier_id"] = supplier, ["sales_order_id"] = Id(sale), ["sales_order_row_id"] = saleRow,
                ["purchase_order_id"] = Id(purchase), ["tax_rate_id"] = taxRate, ["manufacturing_order_id"] = Id(manufacturing),
                ["service_variant_id"] = service, ["group_id"] = Id(purchase), ["additional_cost_id"] = shipping,
                ["stocktake_id"] = stocktake,
            },
            new Dictionary<string, long>
            {
                ["/sales_orders/{id}/returnable_items"] = Id(delivered), ["/sales_orders"] = Id(sale),
                ["/manufacturing_order_operation_rows"] = Id(operation), // on this seed's order, which the example names
                ["/manufacturing_order_production_ingredients"] = Id((await api.GetAsync($"/v1/manufacturing_order_productions?manufacturing_order_ids={Id(manufacturing)}"))
                    .GetProperty("data")[0].GetProperty("ingredients")[0]),
            },
            // POST /bom_rows already put the spare ingredient in the recipe that /recipes keeps.
            new Dictionary<string, Dictionary<string, long>>
            {
                ["/recipes"] = new() { ["ingredient_variant_id"] = await shop.MaterialAsync() },
                ["/stocktake_rows"] = new() { ["variant_id"] = material }, // the product is counted on the stocktake already
            });
    }

    private static long FirstVariantOf(JsonElement item) => item.GetProperty("variants")[0].GetProperty("id").GetInt64();

    private static string Shorten(string text) => text.Length > 400 ? text[..400] + "…" : text;
}

public sealed class KatanaContractOnSqlite(SqliteApp app) : KatanaContractTests(app), IClassFixture<SqliteApp>;

public sealed class KatanaContractOnPostgres(PostgresApp app) : KatanaContractTests(app), IClassFixture<PostgresApp>;
