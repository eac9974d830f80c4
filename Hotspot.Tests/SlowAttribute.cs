using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Hotspot.Tests;

/// <summary>
/// A test (or fixture) the fast loop leaves out: it gets the category <see cref="TestCategories.Slow"/> and the kind of
/// slowness, so <c>--filter "TestCategory!=Slow"</c> skips them all and <c>--filter TestCategory=Browser</c> runs one
/// kind (docs/testing.md).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class SlowAttribute(string kind) : NUnitAttribute, IApplyToTest
{
    public string Kind { get; } = kind;

    public void ApplyToTest(Test test)
    {
        test.Properties.Add(PropertyNames.Category, TestCategories.Slow);
        test.Properties.Add(PropertyNames.Category, Kind);
    }
}
