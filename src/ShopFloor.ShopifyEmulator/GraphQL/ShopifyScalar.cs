using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ShopFloor.ShopifyEmulator.GraphQL;

/// <summary>
/// Shopify's custom scalars (URL, Money, Decimal, DateTime, JSON…) travel as JSON strings or numbers; the
/// emulator keeps their values as they came and returns them as stored.
/// </summary>
internal sealed class ShopifyScalar : ScalarGraphType
{
    public ShopifyScalar(string name) => Name = name;

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => (string)s.Value,
        GraphQLIntValue i => long.Parse(i.Value.Span, CultureInfo.InvariantCulture),
        GraphQLFloatValue f => decimal.Parse(f.Value.Span, System.Globalization.CultureInfo.InvariantCulture),
        GraphQLBooleanValue b => b.BoolValue,
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value;

    public override object? Serialize(object? value) => value;

    public override bool CanParseLiteral(GraphQLValue value) => value is not (GraphQLListValue or GraphQLObjectValue);

    public override bool CanParseValue(object? value) => true;
}
