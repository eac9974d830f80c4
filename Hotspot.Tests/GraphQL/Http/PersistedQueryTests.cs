using System.Text.Json;
using Hotspot.GraphQL.Http;

namespace Hotspot.Tests.GraphQL.Http;

public class PersistedQueryTests
{
    [Test]
    public void Hash_is_the_lowercase_hex_sha256_of_the_utf8_text()
    {
        // echo -n '{ __typename }' | sha256sum
        Assert.That(PersistedQuery.Hash("{ __typename }"), Is.EqualTo("7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b"));
        Assert.That(PersistedQuery.Hash(new string('x', 10_000)), Has.Length.EqualTo(64));
    }

    [Test]
    public void Reads_the_apollo_extension()
    {
        var lookup = PersistedQuery.Read(Json("""{"persistedQuery":{"version":1,"sha256Hash":"7F56E67DD21AB3F30D1FF8B7BED08893F0A0DB86449836189B361DD1E56DDB4B"}}"""));
        Assert.That(lookup.Hash, Is.EqualTo("7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b"));
        Assert.That(lookup.Problem, Is.Null);
    }

    [Test]
    public void Absent_extension_is_not_a_lookup()
    {
        Assert.That(PersistedQuery.Read(null).IsPresent, Is.False);
        Assert.That(PersistedQuery.Read(Json("""{"other":1}""")).IsPresent, Is.False);
    }

    [TestCase("""{"persistedQuery":1}""", "must be an object")]
    [TestCase("""{"persistedQuery":{"version":2,"sha256Hash":"ab"}}""", "version")]
    [TestCase("""{"persistedQuery":{"version":1}}""", "must be a string")]
    [TestCase("""{"persistedQuery":{"version":1,"sha256Hash":"xyz"}}""", "64 hexadecimal")]
    public void Malformed_extension_is_reported(string extensions, string expected)
    {
        var lookup = PersistedQuery.Read(Json(extensions));
        Assert.That(lookup.Hash, Is.Null);
        Assert.That(lookup.Problem, Does.Contain(expected));
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
