using Hotspot.Domain.Secrets;

namespace Hotspot.Tests.Domain;

public class SecretMaskTests
{
    [TestCase("abcdefgh1234", "••••1234")]
    [TestCase("12345678", "••••5678")]
    [TestCase("short", "••••")]
    [TestCase("", null)]
    [TestCase(null, null)]
    public void Shows_at_most_the_last_four_characters(string? secret, string? expected) =>
        Assert.That(SecretMask.Mask(secret), Is.EqualTo(expected));
}
