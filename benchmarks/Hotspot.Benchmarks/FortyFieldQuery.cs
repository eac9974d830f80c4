namespace Hotspot.Benchmarks;

/// <summary>The workload of the engine benchmarks: a schema, JSON data, and a query selecting 40 fields.</summary>
public static class FortyFieldQuery
{
    public const string Schema = """
        type Query {
          viewer: User
          organization(id: ID!): Organization
          plans(first: Int = 10): [Plan!]!
          serverTime: String!
          version: String!
        }

        type User {
          id: ID!
          name: String!
          email: String
          phone: String
          role: Role!
          active: Boolean!
          createdAt: String
        }

        enum Role { ADMIN VIEWER }

        type Organization {
          id: ID!
          name: String!
          slug: String!
          country: String
          currency: String!
          balance: Int!
          owner: User!
          settings: Settings!
        }

        type Settings {
          timezone: String!
          locale: String!
          smsEnabled: Boolean!
          emailEnabled: Boolean!
          maxDevices: Int!
        }

        type Plan {
          id: ID!
          name: String!
          price: Int!
          durationMinutes: Int!
          dataLimitMb: Int
          speedKbps: Int
          active: Boolean!
        }
        """;

    /// <summary>40 fields: viewer 1+7, organization 1+6, owner 1+7, settings 1+5, plans 1+7, and 3 root leaves.</summary>
    public const string Query = """
        query Dashboard($org: ID!) {
          viewer { id name email phone role active createdAt }
          organization(id: $org) {
            id name slug country currency balance
            owner { id name email phone role active createdAt }
            settings { timezone locale smsEnabled emailEnabled maxDevices }
          }
          plans(first: 3) { id name price durationMinutes dataLimitMb speedKbps active }
          serverTime
          version
          __typename
        }
        """;

    public const string Variables = """{ "org": "org-1" }""";

    public const string Data = """
        {
          "viewer": { "id": "u1", "name": "Wanjiku", "email": "w@example.com", "phone": "254700000001", "role": "ADMIN", "active": true, "createdAt": "2026-01-02T03:04:05Z" },
          "organization": {
            "id": "org-1", "name": "Nairobi Wi-Fi", "slug": "nairobi-wifi", "country": "KE", "currency": "KES", "balance": 125000,
            "owner": { "id": "u1", "name": "Wanjiku", "email": "w@example.com", "phone": "254700000001", "role": "ADMIN", "active": true, "createdAt": "2026-01-02T03:04:05Z" },
            "settings": { "timezone": "Africa/Nairobi", "locale": "en-KE", "smsEnabled": true, "emailEnabled": false, "maxDevices": 3 }
          },
          "plans": [
            { "id": "p1", "name": "1 hour", "price": 20, "durationMinutes": 60, "dataLimitMb": null, "speedKbps": 2048, "active": true },
            { "id": "p2", "name": "1 day", "price": 80, "durationMinutes": 1440, "dataLimitMb": 2048, "speedKbps": 4096, "active": true },
            { "id": "p3", "name": "1 week", "price": 400, "durationMinutes": 10080, "dataLimitMb": null, "speedKbps": null, "active": false }
          ],
          "serverTime": "2026-11-23T14:00:00Z",
          "version": "1.0.0"
        }
        """;
}
