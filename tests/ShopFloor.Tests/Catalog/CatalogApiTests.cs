using System.Net;
using ShopFloor.Tests.Infrastructure;

namespace ShopFloor.Tests.Catalog;

public abstract class CatalogApiTests(ShopFloorApp app)
{
    private readonly Shop _shop = new(app.Api());
    private ApiClient Api => _shop.Api;

    [Fact] // R-CAT-1
    public async Task A_product_is_created_read_changed_listed_and_deleted()
    {
        var created = await Api.PostAsync("/v1/products", new
        {
            name = "Oak board", uom = "pcs", category_name = "Boards", is_producible = true,
            variants = new object[] { new { sku = "OAK-S", sales_price = 19.99m, purchase_price = "7.5" }, new { sku = "OAK-L", sales_price = 29 } },
        });
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal("product", created.GetProperty("type").GetString());
        Assert.Equal(19.99m, created.GetProperty("variants")[0].GetProperty("sales_price").GetDecimal());
        Assert.Equal(7.5m, created.GetProperty("variants")[0].GetProperty("purchase_price").GetDecimal());
        Assert.Equal(id, created.GetProperty("variants")[1].GetProperty("product_id").GetInt64());

        var changed = await Api.PatchAsync($"/v1/products/{id}", new { name = "Oak board (oiled)" });
        Assert.Equal("Oak board (oiled)", changed.GetProperty("name").GetString());
        Assert.Equal("Boards", (await Api.GetAsync($"/v1/products/{id}")).GetProperty("category_name").GetString());

        var listed = await Api.GetAsync("/v1/products?name=oiled");
        Assert.Contains(listed.GetProperty("data").EnumerateArray(), p => p.GetProperty("id").GetInt64() == id);

        Assert.Equal(HttpStatusCode.NoContent, (await Api.SendAsync(HttpMethod.Delete, $"/v1/products/{id}")).StatusCode);
        await ApiClient.ProblemAsync(await Api.Http.GetAsync($"/v1/products/{id}"), HttpStatusCode.NotFound);
    }

    [Fact] // R-CAT-1: variant codes need not be unique; the sku filter finds all of them
    public async Task Variants_are_found_by_sku_even_when_several_share_it()
    {
        var sku = "DUP-" + Shop.Unique();
        var first = await _shop.ProductAsync(sku);
        var second = await _shop.MaterialAsync(sku);
        var found = (await Api.GetAsync($"/v1/variants?sku={sku}")).GetProperty("data");
        Assert.Equal([second, first], found.EnumerateArray().Select(v => v.GetProperty("id").GetInt64()));
        Assert.Equal("material", found[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_variant_is_added_to_an_existing_product_and_needs_exactly_one_parent()
    {
        var product = (await Api.PostAsync("/v1/products", new { name = "Mug" })).GetProperty("id").GetInt64();
        var variant = await Api.PostAsync("/v1/variants", new { product_id = product, sku = "MUG-RED", sales_price = 12 });
        Assert.Equal(product, variant.GetProperty("product_id").GetInt64());
        Assert.Equal(2, (await Api.GetAsync($"/v1/products/{product}")).GetProperty("variants").GetArrayLength());

        var orphan = await Api.SendAsync(HttpMethod.Post, "/v1/variants", new { sku = "NOPE" });
        await ApiClient.ProblemAsync(orphan, HttpStatusCode.UnprocessableEntity);
        var unknownParent = await Api.SendAsync(HttpMethod.Post, "/v1/variants", new { material_id = 99999999, sku = "NOPE" });
        await ApiClient.ProblemAsync(unknownParent, HttpStatusCode.UnprocessableEntity);
    }

    [Fact] // R-CAT-4: recipes nest, and never contain themselves
    public async Task Recipes_nest_but_refuse_cycles_and_non_positive_quantities()
    {
        var wood = await _shop.MaterialAsync();
        var leg = await _shop.ProductAsync();
        var table = await _shop.ProductAsync();
        await Api.PostAsync("/v1/bom_rows", new { product_variant_id = leg, ingredient_variant_id = wood, quantity = 0.25m });
        await Api.PostAsync("/v1/bom_rows", new { product_variant_id = table, ingredient_variant_id = leg, quantity = 4 });

        var tableRecipe = (await Api.GetAsync($"/v1/bom_rows?product_variant_id={table}")).GetProperty("data");
        Assert.Equal(leg, tableRecipe[0].GetProperty("ingredient_variant_id").GetInt64());

        var cycle = await Api.SendAsync(HttpMethod.Post, "/v1/bom_rows", new { product_variant_id = leg, ingredient_variant_id = table, quantity = 1 });
        var problem = await ApiClient.ProblemAsync(cycle, HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("ingredient_variant_id", out _));

        var negative = await Api.SendAsync(HttpMethod.Post, "/v1/bom_rows", new { product_variant_id = table, ingredient_variant_id = wood, quantity = -1 });
        await ApiClient.ProblemAsync(negative, HttpStatusCode.UnprocessableEntity);
    }

    [Fact] // R-LOC-1: the "sell from here" flag
    public async Task Locations_carry_a_sales_allowed_flag()
    {
        var location = await Api.PostAsync("/v1/locations", new { name = "Workshop", sales_allowed = false });
        Assert.False(location.GetProperty("sales_allowed").GetBoolean());
        var id = location.GetProperty("id").GetInt64();
        var changed = await Api.PatchAsync($"/v1/locations/{id}", new { sales_allowed = true });
        Assert.True(changed.GetProperty("sales_allowed").GetBoolean());
        Assert.Equal("Workshop", changed.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_location_with_stock_history_cannot_be_deleted()
    {
        var location = await _shop.LocationAsync();
        await _shop.AdjustAsync(location, await _shop.MaterialAsync(), 1);
        await ApiClient.ProblemAsync(await Api.SendAsync(HttpMethod.Delete, $"/v1/locations/{location}"), HttpStatusCode.Conflict);
        Assert.Equal(location, (await Api.GetAsync($"/v1/locations/{location}")).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Suppliers_are_created_and_updated()
    {
        var supplier = await Api.PostAsync("/v1/suppliers", new { name = "Timber Ltd", email = "sales@timber.example", currency = "EUR" });
        var id = supplier.GetProperty("id").GetInt64();
        var changed = await Api.PatchAsync($"/v1/suppliers/{id}", new { phone = "+49 30 1234" });
        Assert.Equal("+49 30 1234", changed.GetProperty("phone").GetString());
        Assert.Equal("EUR", changed.GetProperty("currency").GetString());
        await ApiClient.ProblemAsync(await Api.SendAsync(HttpMethod.Post, "/v1/suppliers", new { email = "x@y.z" }), HttpStatusCode.UnprocessableEntity);
    }

    [Fact] // R-CUS-1
    public async Task Customers_keep_contact_details_and_addresses()
    {
        var customer = await Api.PostAsync("/v1/customers", new
        {
            name = "Ada Lovelace", email = "ada@example.com", phone = "555-0100",
            addresses = new[] { new { entity_type = "shipping", line_1 = "1 Analytical St", city = "London", country = "GB" } },
        });
        var id = customer.GetProperty("id").GetInt64();
        Assert.Equal("shipping", customer.GetProperty("addresses")[0].GetProperty("entity_type").GetString());
        Assert.Equal("1 Analytical St", customer.GetProperty("addresses")[0].GetProperty("line_1").GetString());

        await Api.PostAsync("/v1/customer_addresses", new { customer_id = id, entity_type = "billing", city = "Cambridge" });
        var read = await Api.GetAsync($"/v1/customers/{id}");
        Assert.Equal(2, read.GetProperty("addresses").GetArrayLength());
        Assert.Contains((await Api.GetAsync("/v1/customers?email=ada@example.com")).GetProperty("data").EnumerateArray(),
            c => c.GetProperty("id").GetInt64() == id);

        var badKind = await Api.SendAsync(HttpMethod.Post, "/v1/customer_addresses", new { customer_id = id, entity_type = "moon" });
        await ApiClient.ProblemAsync(badKind, HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [InlineData("/v1/products/987654321")]
    [InlineData("/v1/materials/987654321")]
    [InlineData("/v1/variants/987654321")]
    [InlineData("/v1/locations/987654321")]
    [InlineData("/v1/customers/987654321")]
    [InlineData("/v1/stock_adjustments/987654321")]
    [InlineData("/v1/stock_transfers/987654321")]
    public async Task Unknown_ids_answer_404_problem_details(string url) =>
        await ApiClient.ProblemAsync(await Api.Http.GetAsync(url), HttpStatusCode.NotFound);

    [Theory]
    [InlineData("/v1/products", "{\"name\": \"Broken\",")]
    [InlineData("/v1/products", "{\"name\": \"Broken\" \"is_kit\": true}")]
    [InlineData("/v1/locations", "[1, 2]")]
    public async Task Malformed_json_answers_400_problem_details(string url, string body)
    {
        var problem = await ApiClient.ProblemAsync(await Api.SendRawAsync(HttpMethod.Post, url, body), HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Theory] // #16: a value of the wrong JSON type is a 422 naming the field, as Katana answers
    [InlineData("/v1/products", "{\"name\": 12, \"is_kit\": \"perhaps\"}", "name")]
    [InlineData("/v1/stock_adjustments", "{\"location_id\": \"one\"}", "location_id")]
    [InlineData("/v1/stock_adjustments", "{\"location_id\": 1, \"stock_adjustment_rows\": [{\"variant_id\": 1, \"quantity\": true}]}", "stock_adjustment_rows[0].quantity")]
    public async Task Wrong_json_types_answer_422_naming_the_field(string url, string body, string field)
    {
        var problem = await ApiClient.ProblemAsync(await Api.SendRawAsync(HttpMethod.Post, url, body), HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task A_missing_name_is_a_validation_error_naming_the_field()
    {
        var problem = await ApiClient.ProblemAsync(await Api.SendAsync(HttpMethod.Post, "/v1/products", new { uom = "pcs" }), HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }
}

public sealed class CatalogApiOnSqlite(SqliteApp app) : CatalogApiTests(app), IClassFixture<SqliteApp>;

public sealed class CatalogApiOnPostgres(PostgresApp app) : CatalogApiTests(app), IClassFixture<PostgresApp>;
