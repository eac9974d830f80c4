using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hotspot.Tests.Docs;

/// <summary>
/// README.md and docs/ are read by people who copy and paste: every link, project, script, test filter, port,
/// error code and environment variable they name must be real. New pages and commands are checked without
/// editing this test.
/// </summary>
public partial class DocumentationTests
{
    private static readonly string Root = RepositoryRoot.Path;

    private static IEnumerable<string> Pages() =>
        new[] { Path.Combine(Root, "README.md") }.Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md"));

    private static string Name(string page) => Path.GetRelativePath(Root, page);

    [Test]
    public void Every_relative_link_points_at_a_file_that_exists()
    {
        var broken = from page in Pages()
                     from Match link in MarkdownLink().Matches(File.ReadAllText(page))
                     let target = link.Groups["target"].Value.Split('#')[0]
                     where target.Length > 0 && !target.Contains("://")
                     where !File.Exists(Path.Combine(Path.GetDirectoryName(page)!, target))
                     select $"{Name(page)}: {target}";
        Assert.That(broken, Is.Empty);
    }

    [Test]
    public void Every_project_and_script_a_command_names_exists()
    {
        var missing = new List<string>();
        foreach (var page in Pages())
        {
            var text = File.ReadAllText(page);
            foreach (Match project in ProjectArgument().Matches(text))
            {
                var path = Path.Combine(Root, project.Groups["path"].Value);
                if (!Directory.Exists(path) && !File.Exists(path))
                    missing.Add($"{Name(page)}: --project {project.Groups["path"].Value}");
            }
            foreach (Match script in ScriptPath().Matches(text))
            {
                if (!File.Exists(Path.Combine(Root, script.Groups["path"].Value)))
                    missing.Add($"{Name(page)}: {script.Groups["path"].Value}");
            }
        }
        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Every_test_filter_selects_at_least_one_test()
    {
        var tests = TestNames().ToList();
        var categories = CategoriesOfTests().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var empty = new List<string>();
        foreach (var page in Pages())
        {
            foreach (Match filter in TestFilter().Matches(File.ReadAllText(page)))
            {
                foreach (var term in filter.Groups["filter"].Value.Split('|', '&').Select(t => t.Trim('(', ')', ' ')))
                {
                    if (term.StartsWith("FullyQualifiedName~", StringComparison.Ordinal))
                    {
                        var part = term["FullyQualifiedName~".Length..];
                        if (!tests.Any(t => t.Contains(part, StringComparison.Ordinal)))
                            empty.Add($"{Name(page)}: {term}");
                    }
                    else if (CategoryTerm().Match(term) is { Success: true } category && !categories.Contains(category.Groups["name"].Value))
                    {
                        empty.Add($"{Name(page)}: {term}");
                    }
                }
            }
        }
        Assert.That(empty, Is.Empty, "filters that select no test");
    }

    [Test]
    public void Every_local_url_uses_a_port_the_project_listens_on()
    {
        var ports = ListeningPorts();
        var wrong = from page in Pages()
                    from Match url in LocalUrl().Matches(File.ReadAllText(page))
                    where !ports.Contains(url.Groups["port"].Value)
                    select $"{Name(page)}: {url.Value}";
        Assert.That(wrong, Is.Empty, "ports in use: " + string.Join(", ", ports));
    }

    [Test]
    public void The_admin_api_page_lists_the_error_codes_that_schema_graphql_lists()
    {
        var schema = File.ReadAllText(Path.Combine(Root, "schema.graphql"));
        var header = schema[..schema.IndexOf("\"\"\"", 3, StringComparison.Ordinal)];
        var codes = ErrorCode().Matches(header[header.IndexOf("extensions.code", StringComparison.Ordinal)..])
            .Select(m => m.Value).ToHashSet();
        var page = File.ReadAllText(Path.Combine(Root, "docs", "admin-graphql.md"));
        Assert.That(codes, Is.Not.Empty);
        Assert.That(codes.Where(c => !page.Contains($"`{c}`", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Every_hotspot_environment_variable_the_api_reads_is_in_the_configuration_page()
    {
        var page = File.ReadAllText(Path.Combine(Root, "docs", "configuration.md"));
        var read = new[] { "Hotspot.Api", "Hotspot.Storage", "Hotspot.Providers" }
            .SelectMany(project => Directory.GetFiles(Path.Combine(Root, project), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => EnvironmentVariable().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value))
            .ToHashSet();
        Assert.That(read, Is.Not.Empty);
        Assert.That(read.Where(name => !page.Contains($"`{name}`", StringComparison.Ordinal)).Order(), Is.Empty);
    }

    // The API's own port (the launch profile dotnet run uses), the container's, the management listener's, PostgreSQL's.
    private static HashSet<string> ListeningPorts()
    {
        var ports = new HashSet<string> { "5432" };
        using var launch = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "Hotspot.Api", "Properties", "launchSettings.json")));
        foreach (var profile in launch.RootElement.GetProperty("profiles").EnumerateObject())
        {
            if (profile.Value.TryGetProperty("applicationUrl", out var url))
                ports.UnionWith(url.GetString()!.Split(';').Select(u => new Uri(u).Port.ToString()));
        }
        foreach (var line in File.ReadLines(Path.Combine(Root, "Dockerfile")).Where(l => l.StartsWith("EXPOSE ", StringComparison.Ordinal)))
            ports.UnionWith(line["EXPOSE ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return ports;
    }

    private static IEnumerable<MethodInfo> TestMethods() =>
        typeof(DocumentationTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(m => m.GetCustomAttributes().Any(a => a is TestAttribute or TestCaseAttribute or TestCaseSourceAttribute)));

    private static IEnumerable<string> TestNames() => TestMethods().Select(m => $"{m.ReflectedType!.FullName}.{m.Name}");

    // NUnit's [Category] and our [Slow(kind)], which adds "Slow" and the kind.
    private static IEnumerable<string> CategoriesOfTests() =>
        TestMethods().SelectMany(m => m.GetCustomAttributes(true).Concat(m.ReflectedType!.GetCustomAttributes(true)))
            .SelectMany(a => a switch
            {
                CategoryAttribute category => [category.Name],
                SlowAttribute slow => [Hotspot.Tests.TestCategories.Slow, slow.Kind],
                _ => Array.Empty<string>(),
            });

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"--project\s+(?<path>[A-Za-z0-9_./-]+)")]
    private static partial Regex ProjectArgument();

    [GeneratedRegex(@"(?:^|[\s`(])(?:sh|bash|node)\s+(?<path>(?:benchmarks|deploy|tools|\.ci)/[A-Za-z0-9_./-]+)", RegexOptions.Multiline)]
    private static partial Regex ScriptPath();

    [GeneratedRegex("--filter\\s+(?:\"(?<filter>[^\"]+)\"|'(?<filter>[^']+)'|(?<filter>[^\\s`]+))")]
    private static partial Regex TestFilter();

    [GeneratedRegex(@"^(?:Test)?Category\s*=\s*(?<name>\w+)$")]
    private static partial Regex CategoryTerm();

    [GeneratedRegex(@"(?:localhost|127\.0\.0\.1):(?<port>\d+)")]
    private static partial Regex LocalUrl();

    [GeneratedRegex(@"\b[A-Z]{2,}(?:_[A-Z]+)+\b|\b(?:CONFLICT|FORBIDDEN|UNAUTHENTICATED|VALIDATION)\b")]
    private static partial Regex ErrorCode();

    [GeneratedRegex("\"(?<name>HOTSPOT_[A-Z0-9_]+)\"")]
    private static partial Regex EnvironmentVariable();
}
