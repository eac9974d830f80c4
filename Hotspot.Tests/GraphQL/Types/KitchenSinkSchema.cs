namespace Hotspot.Tests.GraphQL.Types;

/// <summary>
/// A schema using every kind of type and directive, and the SDL graphql-js 16.15's <c>printSchema</c> prints for it
/// (recorded from graphql-js, so the printer and builder are compared with the reference).
/// </summary>
internal static class KitchenSinkSchema
{
    public const string Sdl = """"
"""
The root of all queries.
"""
type Query implements Node & Entity {
  id: ID!
  "Look up a node"
  node(id: ID!, kind: Kind = PLAN): Node
  search(text: String = "wifi", first: Int = 10, ratio: Float = 1e3, filter: Filter = {text: "a"}): [SearchResult!]!
  when: DateTime
  amount: Long @deprecated(reason: "Use `price`.")
  price: Long
  old: String @deprecated
  pets(ids: [ID!] = ["1", "2"]): [[Pet]]
}

type Mutation {
  buy(input: BuyInput!): Receipt
}

type Subscription {
  paid: Receipt
}

interface Node {
  id: ID!
}

interface Entity implements Node {
  id: ID!
}

"A pet"
interface Pet implements Node {
  id: ID!
  name(style: NameStyle = SHORT): String
}

type Dog implements Pet & Node {
  id: ID!
  name(style: NameStyle = SHORT, loud: Boolean): String
  barks: Boolean
}

type Cat implements Pet & Node {
  id: ID!
  name(style: NameStyle = SHORT): String
  lives: Int
}

union SearchResult = Dog | Cat

enum NameStyle {
  SHORT
  "The full name"
  LONG
  LEGACY @deprecated(reason: "Gone")
}

enum Kind { PLAN VOUCHER }

input Filter {
  text: String
  limit: Int = 5
  "Older filter"
  legacy: Boolean @deprecated
}

input BuyInput @oneOf {
  mpesa: MpesaInput
  kopokopo: String
}

input MpesaInput {
  phone: String!
  amount: Long!
  at: DateTime
}

type Receipt {
  id: ID!
  at: DateTime!
}

scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/andimarek/date-time")
scalar Long

"Marks cached fields"
directive @cached(
  "seconds"
  ttl: Int = 60
  scope: Kind
) repeatable on FIELD_DEFINITION | OBJECT

directive @auth(role: String!) on FIELD | QUERY | SCHEMA

extend type Receipt {
  voucher: String @cached(ttl: 5) @cached
}

extend enum Kind { OTHER }
extend input Filter { sort: String }
extend union SearchResult = Receipt
extend interface Pet { age: Int }
extend type Dog { age: Int }
extend type Cat { age: Int }
extend schema @auth(role: "x")
"""";

    public const string PrintedByGraphQLJs = """"
"""Marks cached fields"""
directive @cached(
  """seconds"""
  ttl: Int = 60
  scope: Kind
) repeatable on FIELD_DEFINITION | OBJECT

directive @auth(role: String!) on FIELD | QUERY | SCHEMA

"""The root of all queries."""
type Query implements Node & Entity {
  id: ID!

  """Look up a node"""
  node(id: ID!, kind: Kind = PLAN): Node
  search(text: String = "wifi", first: Int = 10, ratio: Float = 1000, filter: Filter = {text: "a", limit: 5}): [SearchResult!]!
  when: DateTime
  amount: Long @deprecated(reason: "Use `price`.")
  price: Long
  old: String @deprecated
  pets(ids: [ID!] = [1, 2]): [[Pet]]
}

type Mutation {
  buy(input: BuyInput!): Receipt
}

type Subscription {
  paid: Receipt
}

interface Node {
  id: ID!
}

interface Entity implements Node {
  id: ID!
}

"""A pet"""
interface Pet implements Node {
  id: ID!
  name(style: NameStyle = SHORT): String
  age: Int
}

type Dog implements Pet & Node {
  id: ID!
  name(style: NameStyle = SHORT, loud: Boolean): String
  barks: Boolean
  age: Int
}

type Cat implements Pet & Node {
  id: ID!
  name(style: NameStyle = SHORT): String
  lives: Int
  age: Int
}

union SearchResult = Dog | Cat | Receipt

enum NameStyle {
  SHORT

  """The full name"""
  LONG
  LEGACY @deprecated(reason: "Gone")
}

enum Kind {
  PLAN
  VOUCHER
  OTHER
}

input Filter {
  text: String
  limit: Int = 5

  """Older filter"""
  legacy: Boolean @deprecated
  sort: String
}

input BuyInput @oneOf {
  mpesa: MpesaInput
  kopokopo: String
}

input MpesaInput {
  phone: String!
  amount: Long!
  at: DateTime
}

type Receipt {
  id: ID!
  at: DateTime!
  voucher: String
}

scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/andimarek/date-time")

scalar Long
"""";

    /// <summary>graphql-js's type map order for <see cref="Sdl"/>.</summary>
    public const string TypeOrder =
        "Query ID String Int Float Mutation Subscription Node Entity Pet Dog Boolean Cat SearchResult NameStyle Kind Filter BuyInput MpesaInput Receipt DateTime Long __Schema __Type __TypeKind __Field __InputValue __EnumValue __Directive __DirectiveLocation";
}
