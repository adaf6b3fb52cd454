using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ShopFloor.Access;

/// <summary>Settings under "ShopFloor:SignInRateLimit" (environment: ShopFloor__SignInRateLimit__PermitsPerMinute).</summary>
public sealed class SignInRateLimitOptions
{
    public const string Section = "ShopFloor:SignInRateLimit";

    /// <summary>Sign-in, first-run and OAuth requests one client address may make per minute.</summary>
    public int PermitsPerMinute { get; set; } = 10;
}

/// <summary>
/// Per client address, a few tries a minute at signing in, creating the owner and the Shopify OAuth endpoints,
/// then 429: password spraying over many accounts is slowed, and a stranger guessing cannot use up an account's
/// lockout (5 failures) faster than its owner signs in.
/// </summary>
public static class SignInRateLimits
{
    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services)
    {
        services.AddOptions<SignInRateLimitOptions>().BindConfiguration(SignInRateLimitOptions.Section);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => IsGuarded(http.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SignInRateLimitOptions>>().Value.PermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("unguarded"));
        });
        return services;
    }

    /// <summary>Form posts of the sign-in, first-run and invitation pages, and the OAuth install and callback.</summary>
    private static bool IsGuarded(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) && (request.Path.StartsWithSegments("/account/login") || request.Path.StartsWithSegments("/account/setup")
                                                || request.Path.StartsWithSegments("/account/accept")))
        || request.Path.StartsWithSegments("/shopify/install") || request.Path.StartsWithSegments("/shopify/callback");
}
