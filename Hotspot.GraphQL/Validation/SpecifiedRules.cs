using Hotspot.GraphQL.Validation.Rules;

namespace Hotspot.GraphQL.Validation;

/// <summary>Creates a rule's visitor for one validation run.</summary>
public delegate ValidationRule ValidationRuleFactory(ValidationContext context);

/// <summary>The rule sets graphql-js 16 runs: <c>specifiedRules</c> for executable documents and <c>specifiedSDLRules</c> for SDL.</summary>
public static class SpecifiedRules
{
    /// <summary>
    /// Every rule of the spec's Validation section (October 2021 edition, as DESIGN.md targets) plus
    /// <see cref="MaxIntrospectionDepthRule"/>: graphql-js 16's <c>specifiedRules</c>, in its order. The September
    /// 2025 edition's Operation Type Existence (<see cref="KnownOperationTypesRule"/>, graphql-js 17) is left out so
    /// that answers match graphql-js 16, which refuses such operations at execution; add it to a custom list to
    /// refuse them during validation.
    /// </summary>
    public static IReadOnlyList<ValidationRuleFactory> Executable { get; } =
    [
        c => new ExecutableDefinitionsRule(c),
        c => new UniqueOperationNamesRule(c),
        c => new LoneAnonymousOperationRule(c),
        c => new SingleFieldSubscriptionsRule(c),
        c => new KnownTypeNamesRule(c),
        c => new FragmentsOnCompositeTypesRule(c),
        c => new VariablesAreInputTypesRule(c),
        c => new ScalarLeafsRule(c),
        c => new FieldsOnCorrectTypeRule(c),
        c => new UniqueFragmentNamesRule(c),
        c => new KnownFragmentNamesRule(c),
        c => new NoUnusedFragmentsRule(c),
        c => new PossibleFragmentSpreadsRule(c),
        c => new NoFragmentCyclesRule(c),
        c => new UniqueVariableNamesRule(c),
        c => new NoUndefinedVariablesRule(c),
        c => new NoUnusedVariablesRule(c),
        c => new KnownDirectivesRule(c),
        c => new UniqueDirectivesPerLocationRule(c),
        c => new KnownArgumentNamesRule(c),
        c => new UniqueArgumentNamesRule(c),
        c => new ValuesOfCorrectTypeRule(c),
        c => new ProvidedRequiredArgumentsRule(c),
        c => new VariablesInAllowedPositionRule(c),
        c => new OverlappingFieldsCanBeMergedRule(c),
        c => new UniqueInputFieldNamesRule(c),
        c => new MaxIntrospectionDepthRule(c),
    ];

    /// <summary>The rules for type-system documents (SDL), as graphql-js's <c>specifiedSDLRules</c>.</summary>
    public static IReadOnlyList<ValidationRuleFactory> Sdl { get; } =
    [
        c => new LoneSchemaDefinitionRule(c),
        c => new UniqueOperationTypesRule(c),
        c => new UniqueTypeNamesRule(c),
        c => new UniqueEnumValueNamesRule(c),
        c => new UniqueFieldDefinitionNamesRule(c),
        c => new UniqueArgumentDefinitionNamesRule(c),
        c => new UniqueDirectiveNamesRule(c),
        c => new KnownTypeNamesRule(c),
        c => new KnownDirectivesRule(c),
        c => new UniqueDirectivesPerLocationRule(c),
        c => new PossibleTypeExtensionsRule(c),
        c => new KnownArgumentNamesOnDirectivesRule(c),
        c => new UniqueArgumentNamesRule(c),
        c => new UniqueInputFieldNamesRule(c),
        c => new ProvidedRequiredArgumentsOnDirectivesRule(c),
    ];
}
