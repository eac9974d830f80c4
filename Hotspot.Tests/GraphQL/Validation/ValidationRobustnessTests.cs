using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;
using Hotspot.GraphQL.Validation;
using Hotspot.Tests.GraphQL.Validation.Conformance;

namespace Hotspot.Tests.GraphQL.Validation;

/// <summary>
/// Validation never throws for a document the parser accepts, however it mismatches the schema: every conformance
/// query against every conformance schema, and thousands of mutated queries, get a list of errors and nothing else.
/// </summary>
[TestFixture]
public sealed class ValidationRobustnessTests
{
    private static IReadOnlyList<Schema> BuildableSchemas()
    {
        var schemas = new List<Schema>();
        foreach (string sdl in ValidationSpecLoader.Schemas.Concat(ValidationSpecLoader.Cases.Where(c => c.SchemaKey == "inline").Select(c => c.Schema)))
        {
            try
            {
                schemas.Add(ConformanceSchemas.Get(sdl));
            }
            catch (SchemaValidationException)
            {
                // An SDL our builder refuses (an empty one, or one using an introspection type as a field type).
            }
        }
        return schemas;
    }

    [Test]
    public void Every_query_against_every_schema_gives_errors_not_exceptions()
    {
        IReadOnlyList<Schema> schemas = BuildableSchemas();
        Assert.That(schemas, Has.Count.GreaterThanOrEqualTo(18));
        int validations = 0;
        foreach (ValidationSpecCase specCase in ValidationSpecLoader.Cases)
        {
            DocumentNode document = Parser.Parse(specCase.Query);
            foreach (Schema schema in schemas)
            {
                Assert.DoesNotThrow(() => DocumentValidator.Validate(schema, document), specCase.DisplayName);
                validations++;
            }
            Assert.DoesNotThrow(() => DocumentValidator.ValidateSdl(document), specCase.DisplayName);
        }
        Assert.That(validations, Is.GreaterThan(7000));
    }

    [Test]
    public void Mutated_queries_give_errors_not_exceptions()
    {
        Schema schema = ConformanceSchemas.Get(ValidationSpecLoader.Schemas[0]);
        var random = new Random(20261123);
        int validated = 0;
        foreach (ValidationSpecCase specCase in ValidationSpecLoader.Cases)
        {
            for (int i = 0; i < 12; i++)
            {
                string mutated = Mutate(specCase.Query, random);
                DocumentNode document;
                try
                {
                    document = Parser.Parse(mutated);
                }
                catch (GraphQLSyntaxException)
                {
                    continue;
                }
                IReadOnlyList<GraphQLError>? errors = null;
                Assert.DoesNotThrow(() => errors = DocumentValidator.Validate(schema, document), mutated);
                Assert.That(errors, Is.Not.Null);
                validated++;
            }
        }
        Assert.That(validated, Is.GreaterThan(1000), "enough mutants parse to exercise the rules");
    }

    /// <summary>Deletes, duplicates or moves a span of text, or renames a word to another word of the document.</summary>
    private static string Mutate(string text, Random random)
    {
        if (text.Length < 2)
            return text;
        int start = random.Next(text.Length);
        int length = Math.Min(random.Next(1, 12), text.Length - start);
        string span = text.Substring(start, length);
        switch (random.Next(4))
        {
            case 0:
                return text.Remove(start, length);
            case 1:
                return text.Insert(start, span);
            case 2:
                string without = text.Remove(start, length);
                return without.Insert(random.Next(without.Length + 1), span);
            default:
                string[] words = text.Split([' ', '\n', '{', '}', '(', ')', ':', ','], StringSplitOptions.RemoveEmptyEntries);
                if (words.Length < 2)
                    return text;
                string from = words[random.Next(words.Length)];
                string to = words[random.Next(words.Length)];
                int at = text.IndexOf(from, StringComparison.Ordinal);
                return text.Remove(at, from.Length).Insert(at, to);
        }
    }
}
