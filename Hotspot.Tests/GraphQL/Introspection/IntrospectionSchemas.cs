namespace Hotspot.Tests.GraphQL.Introspection;

/// <summary>A schema that uses every kind of type and directive, for the introspection round trip.</summary>
internal static class IntrospectionSchemas
{
    public const string Kitchen = """
        "The kitchen-sink schema."
        schema {
          query: Root
          mutation: Changes
        }

        "Marks a field as costly."
        directive @cost(weight: Int = 1, reasons: [String!] = ["slow"]) repeatable on FIELD_DEFINITION | OBJECT

        directive @internal on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT | QUERY

        "An instant, ISO-8601."
        scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/andimarek/date-time")

        scalar Long

        "Something with an id."
        interface Node {
          id: ID!
        }

        interface Entity implements Node {
          id: ID!
          "When it was created."
          createdAt: DateTime
        }

        type Voucher implements Entity & Node @cost(weight: 2) {
          id: ID!
          createdAt: DateTime
          code: String! @cost @cost(weight: 3)
          minutes: Long
          status: VoucherStatus!
          oldCode: String @deprecated(reason: "Use `code`.")
          legacy: Int @deprecated
        }

        type Plan implements Node {
          id: ID!
          name(upper: Boolean = false, "Old style" style: String @deprecated(reason: "Ignored")): String
          price: Float
          vouchers(first: Int = 10, after: String, status: [VoucherStatus!] = [ACTIVE], filter: VoucherFilter = {status: USED, minMinutes: 5}): [Voucher!]!
        }

        union SearchResult = Plan | Voucher

        enum VoucherStatus {
          "Ready to use."
          ACTIVE
          USED
          EXPIRED @deprecated(reason: "Vouchers no longer expire.")
        }

        input VoucherFilter {
          status: VoucherStatus
          minMinutes: Long
          code: String = "X-1"
          old: Int @deprecated(reason: "Unused")
          ratio: Float = 1.5
          ids: [ID!] = ["1", "a"]
        }

        "Find by exactly one key."
        input PlanKey @oneOf {
          id: ID
          name: String
        }

        type Root {
          node(id: ID!): Node
          plan(key: PlanKey!): Plan
          search(text: String!, limit: Int = 5): [SearchResult]
          matrix: [[[Int!]]!]
        }

        type Changes {
          buy(plan: PlanKey!, phone: String!): Voucher
        }
        """;
}
