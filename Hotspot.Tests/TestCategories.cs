namespace Hotspot.Tests;

/// <summary>The test categories, for <c>dotnet test --filter</c> (docs/testing.md).</summary>
public static class TestCategories
{
    /// <summary>Every test below: what the fast loop leaves out.</summary>
    public const string Slow = "Slow";

    /// <summary><c>dotnet publish</c> of the API, as the Dockerfile does.</summary>
    public const string Publish = "Publish";

    /// <summary>The captive portal in headless Chromium.</summary>
    public const string Browser = "Browser";

    /// <summary>A real FreeRADIUS with rlm_rest in front of the API.</summary>
    public const string FreeRadius = "FreeRadius";

    /// <summary>graphql-js and the GraphQL-over-HTTP audit through Node (HOTSPOT_CONFORMANCE_TOOLS).</summary>
    public const string Conformance = "Conformance";

    /// <summary>Hundreds of requests: rate limits under a crowd, callbacks in parallel.</summary>
    public const string Load = "Load";

    /// <summary>Hostile bodies against every route.</summary>
    public const string Fuzz = "Fuzz";

    /// <summary>Whole API processes and hosts: start-up logs, production logging, metrics, outages, the reference page.</summary>
    public const string Host = "Host";
}
