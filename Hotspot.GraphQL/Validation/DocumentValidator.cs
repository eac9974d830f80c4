using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation;

/// <summary>
/// Validates a document against a schema (spec section 5) in one walk that runs all rules side by side. Returns
/// the errors in graphql-js's order; an empty list means the document may be executed. Never throws for a bad
/// document: a run that exceeds its error limit or work budget ends with an error saying so.
/// </summary>
public static class DocumentValidator
{
    /// <summary>graphql-js's default <c>maxErrors</c>.</summary>
    public const int DefaultMaxErrors = 100;

    /// <summary>Runs every specified rule (<see cref="SpecifiedRules.Executable"/>).</summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document) =>
        Validate(schema, document, SpecifiedRules.Executable, DefaultMaxErrors);

    /// <summary>Runs the given rules; used to run one rule alone, or to add custom rules.</summary>
    public static IReadOnlyList<GraphQLError> Validate(
        Schema schema, DocumentNode document, IReadOnlyList<ValidationRuleFactory> rules, int maxErrors = DefaultMaxErrors)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        return Run(new ValidationContext(schema, document, trackTypes: true, maxErrors), rules);
    }

    /// <summary>
    /// Validates a type-system document (SDL) with <see cref="SpecifiedRules.Sdl"/>, alone (<paramref name="schema"/>
    /// null) or as an extension of an existing schema.
    /// </summary>
    public static IReadOnlyList<GraphQLError> ValidateSdl(DocumentNode document, Schema? schema = null) =>
        ValidateSdl(document, schema, SpecifiedRules.Sdl);

    public static IReadOnlyList<GraphQLError> ValidateSdl(DocumentNode document, Schema? schema, IReadOnlyList<ValidationRuleFactory> rules)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Run(new ValidationContext(schema, document, trackTypes: false, DefaultMaxErrors), rules);
    }

    private static IReadOnlyList<GraphQLError> Run(ValidationContext context, IReadOnlyList<ValidationRuleFactory> factories)
    {
        var errors = new List<GraphQLError>();
        try
        {
            var rules = new ValidationRule[factories.Count];
            for (int i = 0; i < rules.Length; i++)
                rules[i] = factories[i](context);
            new ValidationWalker(factories, rules, context.TypeInfo, context.AncestorStack, context).Walk(context.Document);
        }
        catch (InsufficientExecutionStackException)
        {
            // Only documents built in code can get here: the parser bounds nesting depth. Fragment chains are not
            // bounded by the parser, so a very long chain of fragment spreads also ends here.
            errors.AddRange(context.Errors);
            errors.Add(new GraphQLError("Validation aborted: the document is nested too deeply."));
            return errors;
        }
        catch (ValidationAbortedException aborted)
        {
            if (aborted.ReportAborted)
            {
                errors.AddRange(context.Errors);
                errors.Add(new GraphQLError("Validation aborted."));
                return errors;
            }
        }
        return context.Errors;
    }
}
