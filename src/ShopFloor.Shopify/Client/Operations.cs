namespace ShopFloor.Shopify.Client;

/// <summary>Every document ShopFloor sends to Shopify (a test validates each against the 2026-01 schema).</summary>
public static class Operations
{
    public static readonly GraphQLOperation Shop = new("Shop", """
        query Shop { shop { name myshopifyDomain currencyCode } }
        """, ExpectedCost: 1);

    public static readonly GraphQLOperation Locations = new("Locations", """
        query Locations($after: String) {
          locations(first: 100, after: $after, includeInactive: true) {
            nodes { id name isActive }
            pageInfo { hasNextPage endCursor }
          }
        }
        """, ExpectedCost: 103);

    /// <summary>Variants rather than products: 3 points a variant, 250 a page.</summary>
    public static readonly GraphQLOperation ProductVariants = new("ProductVariants", """
        query ProductVariants($after: String) {
          productVariants(first: 250, after: $after) {
            nodes {
              id sku title price createdAt
              product { id title status }
              inventoryItem { id tracked unitCost { amount } }
            }
            pageInfo { hasNextPage endCursor }
          }
        }
        """, ExpectedCost: 753);

    public static readonly GraphQLOperation Customers = new("Customers", """
        query Customers($after: String) {
          customers(first: 250, after: $after) {
            nodes { id firstName lastName email phone }
            pageInfo { hasNextPage endCursor }
          }
        }
        """, ExpectedCost: 253);

    public static readonly GraphQLOperation ProductVariantsCount = new("ProductVariantsCount", """
        query ProductVariantsCount { productVariantsCount { count } }
        """, ExpectedCost: 1);

    public static readonly GraphQLOperation CustomersCount = new("CustomersCount", """
        query CustomersCount { customersCount { count } }
        """, ExpectedCost: 1);

    /// <summary>What one Shopify location has of every item stocked there (initial stock import).</summary>
    public static readonly GraphQLOperation LocationLevels = new("LocationLevels", """
        query LocationLevels($id: ID!, $after: String) {
          location(id: $id) {
            inventoryLevels(first: 250, after: $after) {
              nodes { item { id } quantities(names: ["available"]) { name quantity } }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """, ExpectedCost: 504);

    /// <summary>Bulk: the whole catalogue as JSONL for 10 points, instead of 3 points a variant page by page.</summary>
    public const string ProductVariantsBulkQuery = """
        { productVariants { edges { node {
            id sku title price createdAt
            product { id title status }
            inventoryItem { id tracked unitCost { amount } }
        } } } }
        """;

    public static readonly GraphQLOperation BulkOperationRunQuery = new("BulkOperationRunQuery", """
        mutation BulkOperationRunQuery($query: String!) {
          bulkOperationRunQuery(query: $query) { bulkOperation { id status } userErrors { field message } }
        }
        """, ExpectedCost: 10);

    public static readonly GraphQLOperation BulkOperation = new("BulkOperation", """
        query BulkOperation($id: ID!) { bulkOperation(id: $id) { id status errorCode objectCount url } }
        """, ExpectedCost: 1);

    public static IEnumerable<GraphQLOperation> All =>
        typeof(Operations).GetFields().Where(f => f.FieldType == typeof(GraphQLOperation)).Select(f => (GraphQLOperation)f.GetValue(null)!);
}
