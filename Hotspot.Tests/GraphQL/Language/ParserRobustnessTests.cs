using System.Text;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.Tests.GraphQL.Language;

/// <summary>
/// Property tests: whatever bytes arrive, the parser answers with a document or a GraphQL syntax error that has
/// a location; never another exception and never a stack overflow (deep nesting is refused by depth).
/// </summary>
public sealed class ParserRobustnessTests
{
    private const int Depth = 10_000;

    [TestCase("selection sets")]
    [TestCase("list values")]
    [TestCase("object values")]
    [TestCase("list types")]
    [TestCase("inline fragments")]
    public void Ten_thousand_levels_of_nesting_give_a_syntax_error(string shape)
    {
        var source = shape switch
        {
            "selection sets" => Repeat("{ a ", Depth) + Repeat("}", Depth),
            "list values" => "{ f(a: " + Repeat("[", Depth) + Repeat("]", Depth) + ") }",
            "object values" => "{ f(a: " + Repeat("{a: ", Depth) + "1" + Repeat("}", Depth) + ") }",
            "list types" => "query($v: " + Repeat("[", Depth) + "Int" + Repeat("]", Depth) + ") { f }",
            _ => "{ " + Repeat("... on T { ", Depth) + "a" + Repeat(" }", Depth) + " }",
        };

        var exception = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source))!;
        Assert.That(exception.Message, Does.StartWith("Syntax Error: Document exceeds the maximum nesting depth of 500."));
        Assert.That(exception.Location.Line, Is.EqualTo(1));
    }

    [Test]
    public void Nesting_within_the_limit_parses_prints_and_walks()
    {
        var source = Repeat("{ a ", 400) + Repeat("}", 400);
        var document = Parser.Parse(source);
        var printed = Printer.Print(document);
        Assert.That(Printer.Print(Parser.Parse(printed)), Is.EqualTo(printed));
        var counter = new FieldCounter();
        counter.Walk(document);
        Assert.That(counter.Fields, Is.EqualTo(400));
    }

    [Test]
    public void A_small_stack_gives_a_syntax_error_not_a_crash()
    {
        // On a 256 KiB thread the stack runs out before the depth limit; the parser must notice in time.
        Exception? outcome = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    Parser.Parse(Repeat("{ a ", 499) + Repeat("}", 499));
                }
                catch (Exception exception)
                {
                    outcome = exception;
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();
        Assert.That(outcome, Is.Null.Or.InstanceOf<GraphQLSyntaxException>());
    }

    [Test]
    public void Generated_and_mutated_documents_give_documents_or_syntax_errors_only()
    {
        var generator = new RandomDocumentGenerator(seed: 20261123);
        var parsed = 0;
        var rejected = 0;
        for (var i = 0; i < 3000; i++)
        {
            var document = generator.Document();
            AssertParsesOrFailsCleanly(document, ref parsed, ref rejected);
            for (var m = 0; m < 3; m++)
            {
                AssertParsesOrFailsCleanly(generator.Mutate(document), ref parsed, ref rejected);
            }
        }

        // Both outcomes must really occur, or the generator tests nothing.
        Assert.That(parsed, Is.GreaterThan(1000));
        Assert.That(rejected, Is.GreaterThan(1000));
    }

    [Test]
    public void Every_prefix_of_a_kitchen_sink_document_gives_a_document_or_a_syntax_error()
    {
        var source = File.ReadAllText(ConformanceFiles.LanguageFile("query_test.yml"));
        var start = source.IndexOf("query queryName", StringComparison.Ordinal);
        var kitchenSink = source[start..source.IndexOf("    ast: |", start, StringComparison.Ordinal)];
        var bytes = Encoding.UTF8.GetBytes(kitchenSink);
        int parsed = 0, rejected = 0;
        for (var length = 0; length <= bytes.Length; length++)
        {
            AssertParsesOrFailsCleanly(bytes.AsSpan(0, length), ref parsed, ref rejected);
        }

        Assert.That(rejected, Is.GreaterThan(bytes.Length / 2));
    }

    [Test]
    public void Random_bytes_give_syntax_errors_only()
    {
        var random = new Random(7);
        int parsed = 0, rejected = 0;
        var alphabet = Encoding.UTF8.GetBytes("{}()[]:$@!=|&.\"\\#,\n\r\t abcxyz019-+eE_\u00e9\u2603");
        for (var i = 0; i < 5000; i++)
        {
            var bytes = new byte[random.Next(0, 60)];
            for (var j = 0; j < bytes.Length; j++)
            {
                bytes[j] = random.Next(4) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            }

            AssertParsesOrFailsCleanly(bytes, ref parsed, ref rejected);
        }

        Assert.That(rejected, Is.GreaterThan(0));
    }

    private static void AssertParsesOrFailsCleanly(string source, ref int parsed, ref int rejected) =>
        AssertParsesOrFailsCleanly(Encoding.UTF8.GetBytes(source), ref parsed, ref rejected);

    private static void AssertParsesOrFailsCleanly(ReadOnlySpan<byte> source, ref int parsed, ref int rejected)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(source);
        }
        catch (GraphQLSyntaxException exception)
        {
            Assert.That(exception.Location.Line, Is.GreaterThanOrEqualTo(1));
            Assert.That(exception.Location.Column, Is.GreaterThanOrEqualTo(1));
            Assert.That(exception.Message, Does.StartWith("Syntax Error: "));
            rejected++;
            return;
        }
        catch (Exception exception)
        {
            Assert.Fail($"{exception.GetType().Name}: {exception.Message}\nfor document:\n{Encoding.UTF8.GetString(source)}");
            return;
        }

        // What parses prints to a document that parses to the same printed form.
        var printed = Printer.Print(document);
        Assert.That(Printer.Print(Parser.Parse(printed)), Is.EqualTo(printed), printed);
        parsed++;
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private sealed class FieldCounter : SyntaxWalker
    {
        public int Fields { get; private set; }

        protected override WalkAction Enter(SyntaxNode node)
        {
            if (node.Kind == SyntaxKind.Field)
            {
                Fields++;
            }

            return WalkAction.Continue;
        }
    }
}
