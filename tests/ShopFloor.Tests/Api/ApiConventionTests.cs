using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopFloor.Tests.Infrastructure;

namespace ShopFloor.Tests.Api;

public abstract class ApiConventionTests(ShopFloorApp app)
{
    [Fact]
    public async Task Runs_on_the_database_it_claims_to()
    {
        var provider = await app.WithDbAsync(db => Task.FromResult(db.Database.ProviderName));
        Assert.Contains(app.DatabaseKind == "postgres" ? "Npgsql" : "Sqlite", provider);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task The_api_answers_401_problem_details_without_a_valid_key(string? key)
    {
        var api = new ApiClient(app.CreateClient(), key);
        var response = await api.Http.GetAsync("/v1/products");
        await ApiClient.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Health_openapi_and_reference_need_no_key()
    {
        var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        var openApi = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/v1/inventory", out _));
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/v1/stock_adjustments", out _));
        Assert.Contains("<html", await http.GetStringAsync("/reference"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact] // Katana paging: limit / page, described by X-Pagination
    public async Task Lists_page_with_limit_and_page_and_describe_themselves_in_x_pagination()
    {
        var shop = new Shop(app.Api());
        var prefix = "PG-" + Shop.Unique();
        for (var i = 0; i < 5; i++)
            await shop.MaterialAsync($"{prefix}");

        var response = await shop.Api.Http.GetAsync($"/v1/variants?sku={prefix}&limit=2&page=3");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, body.GetProperty("data").GetArrayLength());
        var paging = JsonDocument.Parse(response.Headers.GetValues("X-Pagination").Single()).RootElement;
        Assert.Equal("5", paging.GetProperty("total_records").GetString());
        Assert.Equal("3", paging.GetProperty("total_pages").GetString());
        Assert.Equal("4", paging.GetProperty("offset").GetString());
        Assert.Equal("true", paging.GetProperty("last_page").GetString());

        var tooMany = await shop.Api.Http.GetAsync("/v1/variants?limit=251");
        var problem = await ApiClient.ProblemAsync(tooMany, HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task Stored_api_keys_are_hashed_and_accepted()
    {
        var (key, secret) = ShopFloor.Core.Access.ApiKey.Create("test", DateTime.UtcNow);
        await app.WithDbAsync(async db =>
        {
            db.ApiKeys.Add(key);
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(await app.WithDbAsync(db => db.ApiKeys.Select(k => k.Hash).ToListAsync()), h => h == secret);
        Assert.Equal(HttpStatusCode.OK, (await new ApiClient(app.CreateClient(), secret).Http.GetAsync("/v1/locations")).StatusCode);
    }
}

public sealed class ApiConventionsOnSqlite(SqliteApp app) : ApiConventionTests(app), IClassFixture<SqliteApp>;

public sealed class ApiConventionsOnPostgres(PostgresApp app) : ApiConventionTests(app), IClassFixture<PostgresApp>;
