using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ShopFloor.Api;

/// <summary>Declares the API-key bearer scheme in the OpenAPI document, so the reference page can send a key.</summary>
internal sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearerAuth"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A ShopFloor API key: shopfloor api-key create --name <name>",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearerAuth", document)] = [] }];
        return Task.CompletedTask;
    }
}
