using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Scalar.AspNetCore;
using ShopFloor.Access;
using ShopFloor.Api;
using ShopFloor.Core;
using ShopFloor.Core.Data;
using ShopFloor.Demo;
using ShopFloor.Shopify;
using ShopFloor.Web;
using ShopFloor.Webhooks;
using ShopFloor.WooCommerce;

if (ApiKeyCommand.Matches(args))
    return await ApiKeyCommand.RunAsync(args[..]);

var builder = WebApplication.CreateBuilder(args);
// Blazor's and MudBlazor's files live in their packages until publish copies them into wwwroot; the host reads them
// from there only in Development unless told to, and a `dotnet run` in Production then served them empty.
builder.WebHost.UseStaticWebAssets();
// A request is a few documents at most (1,000 rows each): 4 MB, so no single request holds SQLite's write lock for long.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 4 * 1024 * 1024);
await using var demo = await DemoStore.StartIfWantedAsync(builder);
builder.Services.AddShopFloorCore(builder.Configuration);
builder.Services.AddShopifyIntegration();
builder.Services.AddWooCommerceIntegration();
builder.Services.AddKatanaWebhooks();
builder.Services.AddDataProtection().SetApplicationName("ShopFloor").PersistKeysToDbContext<ShopFloorDbContext>()
    .ProtectKeysWithCertificate(KeyRingCertificate.LoadOrCreate(builder.Configuration));
builder.Services.Configure<JsonOptions>(options => JsonSetup.Configure(options.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = KatanaErrorFields.Add);
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.AddMemoryCache();
builder.Services.AddShopFloorSignIn();
builder.Services.AddSignInRateLimits();
builder.Services.AddShopFloorWeb();
builder.Services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecurityScheme>());
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
    app.UseHsts(); // sent only over HTTPS, as browsers require
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi();
app.MapScalarApiReference("/reference");
app.MapHealthChecks("/health");
app.MapShopFloorWeb();
app.MapShopFloorApi();
app.MapShopifyInstall();
app.MapShopifyWebhooks();
app.MapWooWebhooks();
app.MapWooAuth();
app.MapWebhookLogDownloads();

await app.Services.MigrateShopFloorDatabaseAsync();
var ownerNeeded = await FirstRun.IsNeededAsync(app.Services, CancellationToken.None);
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, ownerNeeded));
await app.RunAsync();
return 0;

public partial class Program;
