namespace ShopFloor.Shopify.Client;

/// <summary>Every document ShopFloor sends to Shopify (a test validates and costs each against the 2026-10 schema).</summary>
public static class Operations
{
    public static readonly GraphQLOperation Shop = new("Shop", """
        query Shop { shop { name myshopifyDomain currencyCode taxesIncluded } }
        """, ExpectedCost: 1, Repeat.Read);

    public static readonly GraphQLOperation Locations = new("Locations", """
        query Locations($after: String) {
          locations(first: 100, after: $after, includeInactive: true) {
            nodes { id name isActive }
            pageInfo { hasNextPage endCursor }
          }
        }
        """, ExpectedCost: 103, Repeat.Read);

    /// <summary>Variants rather than products: 3 points a variant, 250 a page.</summary>
    public static readonly GraphQLOperation ProductVariants = new("ProductVariants", """
        query ProductVariants($after: String) {
          productVariants(first: 200, after: $after) {
            nodes {
              id sku title price createdAt
              product { id title status }
              inventoryItem { id tracked unitCost { amount } }
            }
            pageInfo { hasNextPage endCursor }
          }
        }
        """, ExpectedCost: 803, Repeat.Read);

    /// <summary>One product's variants, for the products/* webhooks: the SKU mapping follows what Shopify now has.</summary>
    public static readonly GraphQLOperation ProductVariantsOfProduct = new("ProductVariantsOfProduct", """
        query ProductVariantsOfProduct($id: ID!, $after: String) {
          product(id: $id) {
            id
            variants(first: 250, after: $after) {
              nodes { id sku inventoryItem { id } }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """, ExpectedCost: 504, Repeat.Read);

    /// <summary>The product an inventory item belongs to (inventory_items/* webhooks name only the item).</summary>
    public static readonly GraphQLOperation InventoryItemProduct = new("InventoryItemProduct", """
        query InventoryItemProduct($id: ID!) { inventoryItem(id: $id) { id variant { id product { id } } } }
        """, ExpectedCost: 3, Repeat.Read);

    public static readonly GraphQLOperation Customers = new("Customers", """
        query Customers($after: String) {
          customers(first: 250, after: $after) {
            nodes { id firstName lastName email phone }
            pageInfo { hasNextPage endCursor }
          }
        }
        """, ExpectedCost: 253, Repeat.Read);

    public static readonly GraphQLOperation ProductVariantsCount = new("ProductVariantsCount", """
        query ProductVariantsCount { productVariantsCount { count } }
        """, ExpectedCost: 1, Repeat.Read);

    public static readonly GraphQLOperation CustomersCount = new("CustomersCount", """
        query CustomersCount { customersCount { count } }
        """, ExpectedCost: 1, Repeat.Read);

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
        """, ExpectedCost: 754, Repeat.Read);

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
        """, ExpectedCost: 13, Repeat.SameOutcome);

    public static readonly GraphQLOperation BulkOperation = new("BulkOperation", """
        query BulkOperation($id: ID!) { bulkOperation(id: $id) { id status errorCode objectCount url } }
        """, ExpectedCost: 1, Repeat.Read);

    public static readonly GraphQLOperation WebhookSubscriptions = new("WebhookSubscriptions", """
        query WebhookSubscriptions($after: String) {
          webhookSubscriptions(first: 100, after: $after) {
            nodes { id topic uri }
            pageInfo { hasNextPage endCursor }
          }
        }
        """, ExpectedCost: 103, Repeat.Read);

    public static readonly GraphQLOperation WebhookSubscriptionCreate = new("WebhookSubscriptionCreate", """
        mutation WebhookSubscriptionCreate($topic: WebhookSubscriptionTopic!, $uri: String!) {
          webhookSubscriptionCreate(topic: $topic, webhookSubscription: { uri: $uri, format: JSON }) {
            webhookSubscription { id }
            userErrors { field message }
          }
        }
        """, ExpectedCost: 13, Repeat.Never);

    public static readonly GraphQLOperation WebhookSubscriptionDelete = new("WebhookSubscriptionDelete", """
        mutation WebhookSubscriptionDelete($id: ID!) {
          webhookSubscriptionDelete(id: $id) { deletedWebhookSubscriptionId userErrors { field message } }
        }
        """, ExpectedCost: 12, Repeat.SameOutcome);

    private const string LineItemFields = """
        id sku title currentQuantity requiresShipping
        originalUnitPriceSet { shopMoney { amount } }
        discountedUnitPriceAfterAllDiscountsSet { shopMoney { amount } }
        taxLines(first: 5) { ratePercentage }
        customAttributes { key value }
        variant { id inventoryItem { id tracked } }
        """;

    private const string AddressFields = "firstName lastName company phone address1 address2 city provinceCode zip countryCodeV2";

    private const string FulfillmentOrderFields = "id status assignedLocation { location { id } }";

    private const string FulfillmentFields = """
        id
        trackingInfo(first: 1) { company number url }
        """;

    public const int LineItemsPerRead = 25;

    public const int FulfillmentOrdersPerRead = 5;

    /// <summary>
    /// Everything the order sync needs of one order, in one call for nearly every order (R-SYNC-1..3): money after
    /// discounts with each line's taxes, addresses, note, tags and line-item properties. Its actual cost is what one
    /// Shopify store's rate limit divides among its orders, so it asks for nothing a usual order does not need: no
    /// pageInfo (a full first page is read again whole by the paging documents below) and no lines of the
    /// fulfillment orders (an order with one ships every line from it; only an order with several reads them).
    /// </summary>
    public static readonly GraphQLOperation Order = new("Order", $$"""
        query Order($id: ID!) {
          order(id: $id) {
            id name email createdAt updatedAt closed cancelledAt displayFinancialStatus displayFulfillmentStatus
            currencyCode taxesIncluded note tags
            customer { id firstName lastName email phone }
            shippingAddress { {{AddressFields}} }
            billingAddress { {{AddressFields}} }
            lineItems(first: {{LineItemsPerRead}}) { nodes { {{LineItemFields}} } }
            shippingLines(first: 5) {
              nodes { title originalPriceSet { shopMoney { amount } } discountedPriceSet { shopMoney { amount } } taxLines { ratePercentage } }
            }
            fulfillmentOrders(first: {{FulfillmentOrdersPerRead}}) { nodes { {{FulfillmentOrderFields}} } }
          }
        }
        """, ExpectedCost: 380, Repeat.Read);

    public static readonly GraphQLOperation OrderLineItemsPage = new("OrderLineItemsPage", $$"""
        query OrderLineItemsPage($id: ID!, $after: String) {
          order(id: $id) { lineItems(first: 70, after: $after) { nodes { {{LineItemFields}} } pageInfo { hasNextPage endCursor } } }
        }
        """, ExpectedCost: 914, Repeat.Read);

    public static readonly GraphQLOperation OrderFulfillmentOrdersPage = new("OrderFulfillmentOrdersPage", $$"""
        query OrderFulfillmentOrdersPage($id: ID!, $after: String) {
          order(id: $id) { fulfillmentOrders(first: 100, after: $after) { nodes { {{FulfillmentOrderFields}} } pageInfo { hasNextPage endCursor } } }
        }
        """, ExpectedCost: 304, Repeat.Read);

    public static readonly GraphQLOperation FulfillmentOrderLineItemsPage = new("FulfillmentOrderLineItemsPage", """
        query FulfillmentOrderLineItemsPage($id: ID!, $after: String) {
          fulfillmentOrder(id: $id) { lineItems(first: 250, after: $after) { nodes { lineItem { id } } pageInfo { hasNextPage endCursor } } }
        }
        """, ExpectedCost: 504, Repeat.Read);

    /// <summary>
    /// An order's shipments, apart from <see cref="Order"/>: together they would request over the 1,000 points a
    /// query may. <c>fulfillments</c> is a list, not a connection: an order with more than fits is read by
    /// <see cref="OrderFulfillmentIds"/> and <see cref="FulfillmentLineItemsPage"/>.
    /// </summary>
    public const int FulfillmentsPerRead = 9;

    public static readonly GraphQLOperation OrderFulfillments = new("OrderFulfillments", $$"""
        query OrderFulfillments($id: ID!) {
          order(id: $id) {
            fulfillments(first: {{FulfillmentsPerRead}}) {
              {{FulfillmentFields}}
              fulfillmentLineItems(first: 50) { nodes { quantity lineItem { id } } pageInfo { hasNextPage endCursor } }
            }
          }
        }
        """, ExpectedCost: 946, Repeat.Read);

    public static readonly GraphQLOperation OrderFulfillmentIds = new("OrderFulfillmentIds", """
        query OrderFulfillmentIds($id: ID!) { order(id: $id) { fulfillments(first: 250) { id } } }
        """, ExpectedCost: 251, Repeat.Read);

    /// <summary>One fulfillment, its line items a page at a time.</summary>
    public static readonly GraphQLOperation FulfillmentLineItemsPage = new("FulfillmentLineItemsPage", $$"""
        query FulfillmentLineItemsPage($id: ID!, $after: String) {
          fulfillment(id: $id) {
            {{FulfillmentFields}}
            fulfillmentLineItems(first: 250, after: $after) { nodes { quantity lineItem { id } } pageInfo { hasNextPage endCursor } }
          }
        }
        """, ExpectedCost: 506, Repeat.Read);

    /// <summary>Which returns an order has, for the catch-up of returns whose webhooks were missed.</summary>
    public static readonly GraphQLOperation OrderReturns = new("OrderReturns", """
        query OrderReturns($id: ID!) { order(id: $id) { returns(first: 10) { nodes { id status } } } }
        """, ExpectedCost: 13, Repeat.Read);

    /// <summary>The catch-up: which orders changed since a time (2 + 1 point per order).</summary>
    public static readonly GraphQLOperation OrdersUpdatedSince = new("OrdersUpdatedSince", """
        query OrdersUpdatedSince($query: String!, $after: String) {
          orders(first: 250, after: $after, query: $query, sortKey: UPDATED_AT) {
            nodes { id updatedAt }
            pageInfo { hasNextPage endCursor }
          }
        }
        """, ExpectedCost: 253, Repeat.Read);

    public static readonly GraphQLOperation OrderFulfillmentOrders = new("OrderFulfillmentOrders", """
        query OrderFulfillmentOrders($id: ID!) {
          order(id: $id) {
            fulfillmentOrders(first: 5) {
              nodes {
                id status assignedLocation { location { id } }
                lineItems(first: 90) { nodes { id remainingQuantity lineItem { id } } }
              }
            }
          }
        }
        """, ExpectedCost: 928, Repeat.Read);

    public static readonly GraphQLOperation FulfillmentCreate = new("FulfillmentCreate", """
        mutation FulfillmentCreate($fulfillment: FulfillmentInput!) {
          fulfillmentCreate(fulfillment: $fulfillment) {
            fulfillment { id }
            userErrors { field message }
          }
        }
        """, ExpectedCost: 13, Repeat.Never);

    /// <summary>
    /// Sets Available for up to 250 levels. changeFromQuantity (required from 2026-04, null allowed) guards each
    /// against a change ShopFloor has not seen; the idempotency key (required from 2026-04) makes a retried call
    /// answer what the first one did instead of applying twice.
    /// </summary>
    public static readonly GraphQLOperation InventorySetQuantities = new("InventorySetQuantities", """
        mutation InventorySetQuantities($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) {
          inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) {
            inventoryAdjustmentGroup { id }
            userErrors { field message code }
          }
        }
        """, ExpectedCost: 13, Repeat.Keyed);

    /// <summary>Available and committed of up to <see cref="LevelsPerRead"/> levels in one call, by their ids.</summary>
    public static readonly GraphQLOperation InventoryLevels = new("InventoryLevels", """
        query InventoryLevels($ids: [ID!]!) {
          nodes(ids: $ids) { ... on InventoryLevel { id quantities(names: ["available", "committed"]) { name quantity } } }
        }
        """, ExpectedCost: 502, Repeat.Read);

    public const int LevelsPerRead = 250;


    public static string InventoryLevelId(string locationGid, string inventoryItemGid) =>
        $"gid://shopify/InventoryLevel/{locationGid[(locationGid.LastIndexOf('/') + 1)..]}?inventory_item_id={inventoryItemGid[(inventoryItemGid.LastIndexOf('/') + 1)..]}";

    /// <summary>Bulk: every level's Available at every location, for reconciliation.</summary>
    public const string InventoryLevelsBulkQuery = """
        { locations { edges { node {
            id
            inventoryLevels { edges { node { item { id } quantities(names: ["available"]) { name quantity } } } }
        } } } }
        """;

    public static readonly GraphQLOperation ReturnClose = new("ReturnClose", """
        mutation ReturnClose($id: ID!) {
          returnClose(id: $id) { return { id status } userErrors { field message } }
        }
        """, ExpectedCost: 13, Repeat.SameOutcome);

    /// <summary>
    /// A return as Shopify has it: its order, its lines and what processing did with each unit (the dispositions
    /// of its reverse fulfillment orders). Webhooks only say which return changed; this says what it is.
    /// Cost by the conservative reading: 2 + 50 × 3 for the lines, 2 + 2 × (1 + 2 + 50 × 5) for the dispositions.
    /// </summary>
    public static readonly GraphQLOperation Return = new("Return", """
        query Return($id: ID!) {
          return(id: $id) {
            id name status
            order { id }
            returnLineItems(first: 50) {
              nodes { ... on ReturnLineItem { id quantity returnReason fulfillmentLineItem { lineItem { id } } } }
            }
            reverseFulfillmentOrders(first: 2) {
              nodes {
                lineItems(first: 50) {
                  nodes { fulfillmentLineItem { lineItem { id } } dispositions { type quantity location { id } } }
                }
              }
            }
          }
        }
        """, ExpectedCost: 665, Repeat.Read);

    public static IEnumerable<GraphQLOperation> All =>
        typeof(Operations).GetFields().Where(f => f.FieldType == typeof(GraphQLOperation)).Select(f => (GraphQLOperation)f.GetValue(null)!);
}
