using Hotspot.GraphQL.Execution;

namespace Hotspot.Api.Auth;

/// <summary>
/// The answer to a sign-in refused without checking its password, with <c>extensions.retryAfterSeconds</c>. It depends
/// only on the count of failures, never on whether a user has the email.
/// </summary>
public static class TooManySignInAttempts
{
    public const string Code = "TOO_MANY_ATTEMPTS";

    public static GraphQLException Error(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var minutes = (seconds + 59) / 60;
        return new GraphQLException(
            $"Too many failed sign-ins. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}.", Code,
            new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }
}
