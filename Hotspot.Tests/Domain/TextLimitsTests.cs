using Hotspot.Domain.Text;

namespace Hotspot.Tests.Domain;

public class TextLimitsTests
{
    [TestCase("short", 10, "short")]
    [TestCase("abcdef", 3, "abc")]
    [TestCase("ab😀cd", 3, "ab")] // the emoji's pair would be cut: it goes whole
    [TestCase("ab😀cd", 4, "ab😀")]
    public void Truncate_never_leaves_half_a_surrogate_pair(string text, int max, string expected) =>
        Assert.That(TextLimits.Truncate(text, max), Is.EqualTo(expected));
}
