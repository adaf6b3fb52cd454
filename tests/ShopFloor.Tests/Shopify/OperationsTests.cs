using GraphQL.Validation;
using GraphQLParser.AST;
using ShopFloor.Shopify.Client;
using ShopFloor.ShopifyEmulator.GraphQL;
using ShopFloor.ShopifyEmulator.RateLimits;

namespace ShopFloor.Tests.Shopify;

public sealed class OperationsTests
{
    public static TheoryData<string> Names => new(Operations.All.Select(o => o.Name));

    /// <summary>The queries run as bulk operations (sent as a string inside bulkOperationRunQuery).</summary>
    private static readonly Dictionary<string, string> BulkQueries = typeof(Operations).GetFields()
        .Where(f => f.IsLiteral && f.Name.EndsWith("BulkQuery", StringComparison.Ordinal))
        .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

    public static TheoryData<string> BulkQueryNames => new(BulkQueries.Keys);

    [Theory] // #12: the bulk queries are judged by the same schema as every other document
    [MemberData(nameof(BulkQueryNames))]
    public async Task Every_bulk_query_validates_against_the_2026_10_schema(string name)
    {
        var document = GraphQLParser.Parser.Parse(BulkQueries[name]);
        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = AdminSchema.Instance,
            Document = document,
            Operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single(),
            Rules = DocumentValidator.CoreRules,
        });
        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Message)));
    }

    [Theory] // #12: whether a call of unknown outcome is sent again is chosen per operation, and the choice fits the document
    [MemberData(nameof(Names))]
    public void Every_operation_states_whether_it_may_be_repeated_and_the_choice_fits(string name)
    {
        var operation = Operations.All.Single(o => o.Name == name);
        var definition = GraphQLParser.Parser.Parse(operation.Document).Definitions.OfType<GraphQLOperationDefinition>().Single();
        if (definition.Operation == OperationType.Query)
            Assert.Equal(Repeat.Read, operation.Repeat);
        else
            Assert.NotEqual(Repeat.Read, operation.Repeat);
        Assert.Equal(operation.Document.Contains("@idempotent", StringComparison.Ordinal), operation.Repeat == Repeat.Keyed);
    }

    [Theory] // #12: every document ShopFloor sends is valid against Shopify's Admin API schema 2026-10, inputs included
    [MemberData(nameof(Names))]
    public async Task Every_document_the_client_sends_validates_against_the_2026_10_schema(string name)
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

    [Theory] // #12: Shopify refuses a query requesting more than 1,000 points; every document stays under it by the conservative reading
    [MemberData(nameof(Names))]
    public void Every_document_requests_at_most_1000_points(string name)
    {
        var operation = Operations.All.Single(o => o.Name == name);
        var cost = QueryCost.Of(GraphQLParser.Parser.Parse(operation.Document), null, null, AdminSchema.Instance);
        Assert.True(cost <= 1_000, $"{name} requests {cost} points");
        Assert.True(operation.ExpectedCost >= cost || name.EndsWith("BulkQuery", StringComparison.Ordinal),
            $"{name} expects {operation.ExpectedCost} but requests {cost}: the throttle would wait too little");
    }

    /// <summary>Input shaped as the client builds it, so the schema judges the inputs too.</summary>
    private static readonly Dictionary<string, object?> Samples = new()
    {
        ["Int"] = 1,
        ["WebhookSubscriptionTopic"] = "ORDERS_CREATE",
        ["InventorySetQuantitiesInput"] = new Dictionary<string, object?>
        {
            ["name"] = "available",
            ["reason"] = "correction",
            ["referenceDocumentUri"] = "gid://shopfloor/StockSync/1",
            ["quantities"] = new List<object?>
            {
                new Dictionary<string, object?> { ["inventoryItemId"] = "gid://shopify/InventoryItem/1", ["locationId"] = "gid://shopify/Location/1", ["quantity"] = 5, ["changeFromQuantity"] = 3 },
                new Dictionary<string, object?> { ["inventoryItemId"] = "gid://shopify/InventoryItem/2", ["locationId"] = "gid://shopify/Location/1", ["quantity"] = 0, ["changeFromQuantity"] = null },
            },
        },
        ["FulfillmentInput"] = new Dictionary<string, object?>
        {
            ["lineItemsByFulfillmentOrder"] = new List<object?>
            {
                new Dictionary<string, object?>
                {
                    ["fulfillmentOrderId"] = "gid://shopify/FulfillmentOrder/1",
                    ["fulfillmentOrderLineItems"] = new List<object?> { new Dictionary<string, object?> { ["id"] = "gid://shopify/FulfillmentOrderLineItem/1", ["quantity"] = 1 } },
                },
            },
            ["trackingInfo"] = new Dictionary<string, object?> { ["company"] = "UPS", ["number"] = "1Z", ["url"] = null },
            ["notifyCustomer"] = true,
        },
    };

    private static GraphQL.Inputs Placeholders(GraphQLOperationDefinition operation) => new(
        (operation.Variables?.Items ?? []).Where(v => v.Type is GraphQLNonNullType).ToDictionary(
            v => v.Variable.Name.Value.ToString(),
            v => ((GraphQLNonNullType)v.Type).Type is GraphQLNamedType { Name.Value: var name } && Samples.TryGetValue(name.ToString(), out var sample)
                ? sample
                : "gid://shopify/Location/1"));
}
