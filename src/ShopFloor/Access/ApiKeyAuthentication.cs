using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ShopFloor.Core;
using ShopFloor.Core.Access;
using ShopFloor.Core.Data;

namespace ShopFloor.Access;

/// <summary><c>Authorization: Bearer &lt;api key&gt;</c>, checked against the stored hashes or the bootstrap key.</summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<ShopFloorOptions> settings,
    IMemoryCache cache,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private static readonly TimeSpan KnownKeyLifetime = TimeSpan.FromSeconds(30);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var hash = ApiKey.HashOf(header["Bearer ".Length..].Trim());
        var name = IsBootstrapKey(hash) ? "bootstrap" : await StoredKeyNameAsync(hash);
        return name is null
            ? AuthenticateResult.Fail("Unknown or revoked API key.")
            : AuthenticateResult.Success(new AuthenticationTicket(
                new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = SchemeName;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = 401,
                Title = "Unauthorized.",
                Detail = "Send a valid API key as 'Authorization: Bearer <key>'. Create one with: shopfloor api-key create --name <name>",
            },
        });
    }

    private bool IsBootstrapKey(string hash) =>
        settings.Value.BootstrapApiKey is { Length: > 0 } bootstrap
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(ApiKey.HashOf(bootstrap)));

    private async Task<string?> StoredKeyNameAsync(string hash)
    {
        if (cache.TryGetValue(("api-key", hash), out string? known))
            return known;
        var db = Context.RequestServices.GetRequiredService<ShopFloorDbContext>();
        var name = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null).Select(k => k.Name).FirstOrDefaultAsync(Context.RequestAborted);
        if (name is not null)
            cache.Set(("api-key", hash), name, KnownKeyLifetime);
        return name;
    }
}
