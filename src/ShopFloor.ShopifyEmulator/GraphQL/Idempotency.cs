using System.Security.Cryptography;
using System.Text.Json;
using GraphQL;
using ShopFloor.ShopifyEmulator.Store;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>
/// The @idempotent(key:) directive on the mutations that document it (shopify.dev "Implementing idempotency"):
/// optional in 2026-01, required from 2026-04 (a BAD_REQUEST error, the field null); the same key with the same
/// arguments answers what the first call answered; the same key with other arguments is a user error.
/// </summary>
internal static class Idempotency
{
    public const string Missing = "The @idempotent directive is required for this mutation but was not provided.";

    public static object? Run(IResolveFieldContext ctx, Shop shop, string version, string userErrorType, Func<Node> mutate, string errorsField = "userErrors")
    {
        var key = ctx.GetDirective("idempotent")?.GetArgument<string>("key");
        if (key is null)
            return ApiVersions.RequiresIdempotency(version) ? throw new ExecutionError(Missing) { Code = "BAD_REQUEST" } : mutate();
        if (string.IsNullOrWhiteSpace(key))
            throw new ExecutionError("The idempotency key cannot be an empty string or whitespace only.") { Code = "BAD_REQUEST" };

        var arguments = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(ctx.Arguments?.ToDictionary(a => a.Key, a => a.Value.Value))));
        var scoped = $"{ctx.FieldDefinition.Name}:{key}";
        if (shop.IdempotentCalls.TryGet(scoped, out var first, out var answer))
            return first == arguments
                ? shop.IdempotentCalls.Replay(answer)
                : new Node(ctx.FieldDefinition.ResolvedType!.GetNamedType().Name).With(errorsField, new[]
                {
                    Inputs.UserError(userErrorType, ["input"], "The same idempotency key cannot be used with different operation parameters.",
                        "IDEMPOTENCY_KEY_PARAMETER_MISMATCH"),
                });
        var result = mutate();
        if (result[errorsField] is IEnumerable<Node> errors && !errors.Any())
            shop.IdempotentCalls.Keep(scoped, arguments, result);
        return result;
    }
}
