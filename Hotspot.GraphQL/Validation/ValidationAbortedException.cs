namespace Hotspot.GraphQL.Validation;

/// <summary>Thrown inside a validation run to stop it (error limit reached, or work budget spent); never escapes <see cref="DocumentValidator"/>.</summary>
internal sealed class ValidationAbortedException : Exception
{
    public ValidationAbortedException(bool reportAborted)
        : base("Validation aborted.")
    {
        ReportAborted = reportAborted;
    }

    /// <summary>True when the run ran out of its work budget and a "Validation aborted." error should be added.</summary>
    public bool ReportAborted { get; }
}
