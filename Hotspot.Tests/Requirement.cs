using System.Diagnostics.CodeAnalysis;

namespace Hotspot.Tests;

/// <summary>
/// Something a test needs from outside the repository (a program, <c>../shared</c>) is missing: the test is ignored
/// with the reason locally, and fails on CI (<c>CI=true</c>), where everything is installed.
/// </summary>
public static class Requirement
{
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    [DoesNotReturn]
    public static void Missing(string reason)
    {
        if (OnCi)
            Assert.Fail(reason);
        Assert.Ignore(reason);
        throw new InvalidOperationException(reason); // not reached: both asserts throw
    }
}
