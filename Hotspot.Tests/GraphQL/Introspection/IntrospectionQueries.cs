namespace Hotspot.Tests.GraphQL.Introspection;

/// <summary>The query graphql-js 16's <c>getIntrospectionQuery</c> produces with every option on.</summary>
internal static class IntrospectionQueries
{
    private const string TypeRefDepth9 = """
        fragment TypeRef on __Type {
          kind name
          ofType { name kind
            ofType { name kind
              ofType { name kind
                ofType { name kind
                  ofType { name kind
                    ofType { name kind
                      ofType { name kind
                        ofType { name kind
                          ofType { name kind } } } } } } } } }
        }
        """;

    /// <summary>descriptions, specifiedByUrl, directiveIsRepeatable, schemaDescription, inputValueDeprecation, oneOf.</summary>
    public const string Full = """
        query IntrospectionQuery {
          __schema {
            description
            queryType { name kind }
            mutationType { name kind }
            subscriptionType { name kind }
            types { ...FullType }
            directives {
              name
              description
              isRepeatable
              locations
              args(includeDeprecated: true) { ...InputValue }
            }
          }
        }
        fragment FullType on __Type {
          kind
          name
          description
          specifiedByURL
          isOneOf
          fields(includeDeprecated: true) {
            name
            description
            args(includeDeprecated: true) { ...InputValue }
            type { ...TypeRef }
            isDeprecated
            deprecationReason
          }
          inputFields(includeDeprecated: true) { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue {
          name
          description
          type { ...TypeRef }
          defaultValue
          isDeprecated
          deprecationReason
        }
        """ + TypeRefDepth9;
}
