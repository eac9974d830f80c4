using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Types;
using Hotspot.Tests.GraphQL.Language;

namespace Hotspot.Tests.GraphQL.Types;

/// <summary>Mutated SDL gives a schema or a <see cref="SchemaValidationException"/> with located errors, nothing else.</summary>
public sealed class SchemaBuilderRobustnessTests
{
    [Test]
    public void Mutated_SDL_gives_a_schema_or_schema_errors_only()
    {
        var generator = new RandomDocumentGenerator(seed: 3);
        int built = 0, refused = 0;
        for (var i = 0; i < 1500; i++)
        {
            var sdl = generator.Mutate(KitchenSinkSchema.Sdl);
            try
            {
                var schema = SchemaBuilder.FromSdl(sdl);
                var printed = SchemaPrinter.Print(schema);
                Assert.That(SchemaPrinter.Print(SchemaBuilder.FromSdl(printed)), Is.EqualTo(printed));
                built++;
            }
            catch (SchemaValidationException exception)
            {
                Assert.That(exception.Errors, Is.Not.Empty);
                Assert.That(exception.Errors.SelectMany(e => e.Locations).All(l => l.Line >= 1 && l.Column >= 1), Is.True);
                refused++;
            }
            catch (Exception exception)
            {
                Assert.Fail($"{exception.GetType().Name}: {exception.Message}\nfor SDL:\n{sdl}");
            }
        }

        Assert.That(built, Is.GreaterThan(0));
        Assert.That(refused, Is.GreaterThan(0));
    }
}
