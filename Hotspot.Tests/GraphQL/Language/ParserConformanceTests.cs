using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.Tests.GraphQL.Language;

/// <summary>
/// Every case of the shared query_test.yml and schema_test.yml: documents that must parse (compared with the
/// expected AST where one is given) and documents that must fail (message in graphql-js's wording, location).
/// </summary>
public sealed class ParserConformanceTests
{
    /// <summary>Cases where graphql-js 16 (our reference) words or places the error differently from gqlparser.</summary>
    private static readonly Dictionary<string, (string Reason, string Message, int Line, int Column)> Deviations = new()
    {
        ["query_test / variables / are not allowed in default args"] =
            ("graphql-js names the variable", "Syntax Error: Unexpected variable \"$var\" in constant value.", 1, 37),
        ["schema_test / type extensions / can have descriptions"] =
            ("graphql-js rejects the description itself, at its first character",
                "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 1, 1),
        ["schema_test / fuzzer / 2"] =
            ("graphql-js reports the unterminated block string, gqlparser an <Invalid> token",
                "Syntax Error: Unterminated string.", 2, 1),
    };

    private const string LegacyFragmentVariables = "query_test / ast / fragment defined variables";

    public static IEnumerable<TestCaseData> Cases() => SharedFolder.CasesFrom(ConformanceFiles.LanguageFolder, () =>
        LanguageCase.Load("query_test.yml").Concat(LanguageCase.Load("schema_test.yml")).Select(c =>
            new TestCaseData(c).SetName(
                Deviations.TryGetValue(c.Key, out var deviation) ? $"{c.Key} [deviation: {deviation.Reason}]"
                : c.Key == LegacyFragmentVariables ? $"{c.Key} [not in the spec: parsed with AllowLegacyFragmentVariables, as graphql-js's option]"
                : c.Key)));

    [TestCaseSource(nameof(Cases))]
    public void Parses_like_graphql_js(LanguageCase testCase)
    {
        var options = testCase.Key == LegacyFragmentVariables
            ? new ParserOptions { AllowLegacyFragmentVariables = true }
            : ParserOptions.Default;

        if (testCase.Error is null)
        {
            var document = Parser.Parse(testCase.Input, options);
            if (testCase.Ast is not null)
            {
                var dump = testCase.Key.StartsWith("query_test", StringComparison.Ordinal)
                    ? GqlparserAstDump.QueryDocument(document)
                    : GqlparserAstDump.SchemaDocument(document);
                Assert.That(GqlparserAstDump.Normalize(dump), Is.EqualTo(GqlparserAstDump.StripComments(testCase.Ast)));
            }

            // Printing and parsing again gives the same tree.
            var printed = Printer.Print(document);
            Assert.That(Printer.Print(Parser.Parse(printed, options)), Is.EqualTo(printed));
            return;
        }

        var exception = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(testCase.Input, options))!;
        string message;
        int line;
        int column;
        if (Deviations.TryGetValue(testCase.Key, out var deviation))
        {
            (message, line, column) = (deviation.Message, deviation.Line, deviation.Column);
        }
        else
        {
            var location = testCase.Error.Locations.Single();
            (message, line, column) =
                GraphQLJsWording.Translate(testCase.Error.Message, location.Line, location.Column, testCase.Input);
        }

        Assert.That(exception.Message, Is.EqualTo(message));
        Assert.That(exception.Location, Is.EqualTo(new SourceLocation(line, column)));
        Assert.That(exception.Error.Locations, Is.EqualTo(new[] { new SourceLocation(line, column) }));
    }
}
