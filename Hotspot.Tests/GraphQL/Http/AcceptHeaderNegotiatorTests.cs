using Hotspot.GraphQL.Http;
using Microsoft.Extensions.Primitives;

namespace Hotspot.Tests.GraphQL.Http;

public class AcceptHeaderNegotiatorTests
{
    [TestCase(null, ResponseMediaType.Json)]
    [TestCase("", ResponseMediaType.Json)]
    [TestCase("*/*", ResponseMediaType.Json)]
    [TestCase("application/*", ResponseMediaType.Json)]
    [TestCase("application/json", ResponseMediaType.Json)]
    [TestCase("application/json; charset=utf-8", ResponseMediaType.Json)]
    [TestCase("application/graphql-response+json", ResponseMediaType.GraphQLResponseJson)]
    [TestCase("application/graphql-response+json, application/json", ResponseMediaType.GraphQLResponseJson)]
    [TestCase("application/json, application/graphql-response+json", ResponseMediaType.Json)]
    [TestCase("application/graphql-response+json;q=0.5, application/json", ResponseMediaType.Json)]
    [TestCase("application/graphql-response+json,application/json;q=0.9", ResponseMediaType.GraphQLResponseJson)]
    [TestCase("APPLICATION/GRAPHQL-RESPONSE+JSON", ResponseMediaType.GraphQLResponseJson)]
    [TestCase("application/json; charset=iso-8859-1", ResponseMediaType.None)]
    [TestCase("application/json;q=0", ResponseMediaType.None)]
    [TestCase("text/plain", ResponseMediaType.None)]
    [TestCase("image/png, text/css", ResponseMediaType.None)]
    [TestCase(",,,", ResponseMediaType.Json)]
    [TestCase("application/json;q=abc", ResponseMediaType.Json)]
    public void Chooses_the_response_media_type(string? accept, ResponseMediaType expected)
    {
        Assert.That(AcceptHeaderNegotiator.Negotiate(new StringValues(accept), allowHtml: false), Is.EqualTo(expected));
    }

    [Test]
    public void A_browser_navigation_prefers_the_explorer_page()
    {
        const string browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";
        Assert.That(AcceptHeaderNegotiator.Negotiate(browser, allowHtml: true), Is.EqualTo(ResponseMediaType.Html));
        Assert.That(AcceptHeaderNegotiator.Negotiate(browser, allowHtml: false), Is.EqualTo(ResponseMediaType.Json));
    }

    [Test]
    public void Several_header_lines_are_read_as_one_list()
    {
        var accept = new StringValues(["text/plain", "application/graphql-response+json"]);
        Assert.That(AcceptHeaderNegotiator.Negotiate(accept, allowHtml: false), Is.EqualTo(ResponseMediaType.GraphQLResponseJson));
    }
}
