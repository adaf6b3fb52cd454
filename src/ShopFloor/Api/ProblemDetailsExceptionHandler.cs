using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using ShopFloor.Core.Common;

namespace ShopFloor.Api;

/// <summary>Maps every failure to RFC 7807 problem details, once, for the whole API.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            ValidationFailedException invalid => new ValidationProblemDetails(invalid.Errors.ToDictionary())
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The request has invalid fields.",
            },
            NotFoundException notFound => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = notFound.Message,
            },
            DomainException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "The change is not possible now.", Detail = conflict.Message,
            },
            BadHttpRequestException { InnerException: JsonException json } when WrongTypeField(json) is { } field =>
                new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = ["has the wrong JSON type for this field"] })
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Title = "The request has invalid fields.",
                },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request could not be read.",
                Detail = bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message,
            },
            // Shopify down or refusing: the store's fault, not ShopFloor's, and a retry may work.
            Shopify.Client.ShopifyException shopify => new ProblemDetails
            {
                Status = StatusCodes.Status502BadGateway, Title = "Shopify did not do what was asked.", Detail = shopify.Message,
            },
            _ => DatabaseRefusals.ProblemFor(exception),
        };
        if (problem is null)
            return false;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// The field a well-formed body gave a value of the wrong type (a string for a number, say): a 422 naming it, as
    /// Katana answers. Unreadable JSON (the reader's own error) and a body of the wrong shape as a whole stay 400.
    /// </summary>
    private static string? WrongTypeField(JsonException json) =>
        json.InnerException is not JsonException && json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
}
