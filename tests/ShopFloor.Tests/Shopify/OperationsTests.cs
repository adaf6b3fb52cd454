using GraphQL.Validation;
using GraphQLParser.AST;
using ShopFloor.Shopify.Client;
using ShopFloor.ShopifyEmulator.GraphQL;

namespace ShopFloor.Tests.Shopify;

public sealed class OperationsTests
{
    public static TheoryData<string> Names => new(Operations.All.Select(o => o.Name));

    [Theory] // every document ShopFloor sends is valid against Shopify's Admin API schema 2026-01
    [MemberData(nameof(Names))]
    public async Task Every_document_the_client_sends_validates_against_the_2026_01_schema(string name)
    {
        var operation = Operations.All.Single(o => o.Name == name);
        var document = GraphQLParser.Parser.Parse(operation.Document);
        var definition = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = AdminSchema.Instance,
            Document = document,
            Operation = definition,
            Rules = DocumentValidator.CoreRules,
            Variables = Placeholders(definition),
        });
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    /// <summary>A value for every required variable, so only the document itself is judged.</summary>
    private static GraphQL.Inputs Placeholders(GraphQLOperationDefinition operation) => new(
        (operation.Variables?.Items ?? []).Where(v => v.Type is GraphQLNonNullType).ToDictionary(
            v => v.Variable.Name.Value.ToString(),
            v => (object?)(((GraphQLNonNullType)v.Type).Type is GraphQLNamedType { Name.Value: var name } && name.ToString() == "Int" ? 1 : "gid://shopify/Location/1")));
}
