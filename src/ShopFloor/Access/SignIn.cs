using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using ShopFloor.Core.Access;
using ShopFloor.Core.Data;

namespace ShopFloor.Access;

/// <summary>
/// Two ways in: people sign in to the web app with ASP.NET Core Identity (a cookie; the first run asks for the
/// owner's account), scripts call /v1 with an API key. Each part of the app names the one it accepts.
/// </summary>
public static class SignIn
{
    public const string ApiPolicy = "api";

    public static IServiceCollection AddShopFloorSignIn(this IServiceCollection services)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.Cookie.Name = "ShopFloor";
        });
        services.AddIdentityCore<ShopFloorUser>(options =>
            {
                // Length over character classes (NIST SP 800-63B): a long passphrase is fine as it is.
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireDigit = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<ShopFloorDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<TeamClaimsFactory>();
        // A removed person, or one whose role changed, is signed out or re-read within a minute, not half an hour.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<Team>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(Team.OwnerPolicy, policy => policy.RequireClaim(Team.RoleClaim, "owner"));
        services.AddCascadingAuthenticationState();
        services.AddSingleton<FirstRun>();
        return services;
    }
}
