using Microsoft.AspNetCore.Mvc;

namespace ShopFloor.Api;

/// <summary>
/// Katana's error fields as extension members of every RFC 7807 answer (`statusCode`, `name`, `message`, and for
/// validation `code` and `details`), so a script written for Katana's API reads ShopFloor's errors unchanged while
/// problem-details clients read the standard members.
/// </summary>
public static class KatanaErrorFields
{
    public static void Add(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? StatusCodes.Status500InternalServerError;
        problem.Extensions["statusCode"] = status;
        problem.Extensions["name"] = NameOf(status);
        problem.Extensions["message"] = problem.Detail ?? problem.Title;
        if (problem is ValidationProblemDetails validation)
        {
            problem.Extensions["code"] = "VALIDATION_FAILED";
            problem.Extensions["details"] = validation.Errors
                .SelectMany(e => e.Value.Select(message => new Dictionary<string, object?> { ["path"] = "." + e.Key, ["code"] = "invalid", ["message"] = message }))
                .ToList();
        }
    }

    private static string NameOf(int status) => status switch
    {
        400 => "BadRequest",
        401 => "UnauthorizedError",
        403 => "ForbiddenError",
        404 => "NotFoundError",
        409 => "ConflictError",
        413 => "PayloadTooLargeError",
        422 => "UnprocessableEntityError",
        429 => "TooManyRequests",
        502 => "BadGatewayError",
        _ when status >= 500 => "InternalServerError",
        _ => "Error",
    };
}
