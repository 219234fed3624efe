using System.Text.RegularExpressions;

namespace MigrantCover.Web.Tests;

/// <summary>
/// The folders of src/ depend on each other without a cycle, and docs/architecture.md shows their graph as
/// it is. The graph is read from the code: an arrow goes from a file's folder to the folder of each of our
/// namespaces it has a using directive for, and of each of our types it names (in scope through its
/// usings and its namespace, or qualified by a namespace).
/// </summary>
public partial class ArchitectureTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void FoldersOfTheSourceDependOnEachOtherWithoutACycle()
    {
        var graph = DependencyGraph.Read(Root);
        var cycle = graph.FindCycle();
        Assert.True(cycle is null, cycle is null ? "" : "Folder cycle: " + string.Join(" -> ", cycle) + "\n" + graph.Why(cycle));
        Assert.Contains("Domain", graph.Nodes);
        Assert.Contains("Features/Workers", graph.Nodes);
        Assert.DoesNotContain(graph.Edges, e => e.From == "Domain");
    }

    [Fact]
    public void ArchitectureDocShowsTheFolderGraphOfTheCode()
    {
        var graph = DependencyGraph.Read(Root);
        var expected = graph.Mermaid();
        var doc = File.ReadAllText(Path.Combine(Root, "docs", "architecture.md")).ReplaceLineEndings("\n");
        var shown = MermaidBlock().Match(doc);
        Assert.True(
            shown.Success && shown.Value == expected,
            "docs/architecture.md must show the folder graph of the code. Replace its mermaid block with:\n\n" + expected + "\n\nWhy each arrow:\n" + graph.Why(graph.Edges));
    }

    [GeneratedRegex("```mermaid\n.*?\n```", RegexOptions.Singleline)]
    private static partial Regex MermaidBlock();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MigrantCover.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MigrantCover.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The folders of src/ (Domain, and the Web project's folders, Features and Pages per area) and their dependencies.</summary>
    private sealed partial class DependencyGraph
    {
        private readonly Dictionary<(string From, string To), string> _why = [];

        public SortedSet<string> Nodes { get; } = new(StringComparer.Ordinal);

        public IEnumerable<(string From, string To)> Edges => _why.Keys;

        public static DependencyGraph Read(string root)
        {
            List<SourceFile> files = [.. Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Select(f => new SourceFile(root, f))];

            // What each of our namespaces holds (top-level types) and which folder declares it.
            var folderOf = new Dictionary<string, string>(StringComparer.Ordinal);
            var types = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var file in files.Where(f => f.Namespace is not null))
            {
                folderOf.TryAdd(file.Namespace!, file.Folder);
                types.TryAdd(file.Namespace!, []);
                types[file.Namespace!].UnionWith(file.TopLevelTypes);
            }

            var graph = new DependencyGraph();
            foreach (var file in files)
            {
                graph.Nodes.Add(file.Folder);
                var scope = file.Usings(files).Concat(Ancestors(file.Namespace ?? file.ImpliedNamespace)).Where(types.ContainsKey).Distinct().ToList();
                // Its using directives (an extension method names no type: the directive is the use).
                foreach (var ns in file.OwnUsings().Where(folderOf.ContainsKey))
                {
                    graph.Add(file.Folder, folderOf[ns], $"{file.Path} has using {ns}");
                }

                // A view's markup names folders in its links ("/Account/SignIn"): there only names in full count.
                var contexts = file.IsRazor ? [""] : Ancestors(file.Namespace ?? file.ImpliedNamespace).Append("").ToList();
                foreach (var chain in file.Names())
                {
                    if (Resolve(chain, contexts, folderOf, types) is { } folder
                        || (scope.FirstOrDefault(ns => types[ns].Contains(chain[0]) || types[ns].Contains(chain[0] + "Attribute")) is { } ns && folderOf.TryGetValue(ns, out folder)))
                    {
                        graph.Add(file.Folder, folder, $"{file.Path} uses {string.Join('.', chain)}");
                    }
                }
            }

            return graph;
        }

        /// <summary>A cycle of folders (first and last the same), or null.</summary>
        public List<string>? FindCycle()
        {
            var state = new Dictionary<string, int>();
            var path = new List<string>();
            List<string>? Visit(string node)
            {
                state[node] = 1;
                path.Add(node);
                foreach (var next in Edges.Where(e => e.From == node).Select(e => e.To).Order(StringComparer.Ordinal))
                {
                    if (state.GetValueOrDefault(next) == 1)
                    {
                        return [.. path.SkipWhile(p => p != next), next];
                    }

                    if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                    {
                        return found;
                    }
                }

                path.RemoveAt(path.Count - 1);
                state[node] = 2;
                return null;
            }

            return Nodes.Where(n => state.GetValueOrDefault(n) == 0).Select(Visit).FirstOrDefault(c => c is not null);
        }

        public string Why(IReadOnlyList<string> cycle) => Why(cycle.Zip(cycle.Skip(1)));

        public string Why(IEnumerable<(string From, string To)> edges) =>
            string.Join("\n", edges.OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).Select(e => $"{e.From} -> {e.To}: {_why[e]}"));

        /// <summary>
        /// The graph as a Mermaid block: every folder, and an arrow where one uses another that it does not
        /// already reach through the others (the transitive reduction: every dependency is a path).
        /// </summary>
        public string Mermaid()
        {
            var edges = Edges.ToHashSet();
            bool Reaches(string from, string to, (string, string) skipped)
            {
                var seen = new HashSet<string>();
                var stack = new Stack<string>([from]);
                while (stack.TryPop(out var node))
                {
                    foreach (var next in edges.Where(e => e.From == node && e != skipped).Select(e => e.To))
                    {
                        if (next == to)
                        {
                            return true;
                        }

                        if (seen.Add(next))
                        {
                            stack.Push(next);
                        }
                    }
                }

                return false;
            }

            var shown = edges.Where(e => !Reaches(e.From, e.To, e)).OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal);
            var sb = new StringBuilder("```mermaid\nflowchart TD\n");
            foreach (var node in Nodes)
            {
                sb.Append($"    {Id(node)}[\"{node}\"]\n");
            }

            foreach (var (from, to) in shown)
            {
                sb.Append($"    {Id(from)} --> {Id(to)}\n");
            }

            return sb.Append("```").ToString();
        }

        private static string Id(string node) => node.Replace('/', '_');

        private static IEnumerable<string> Ancestors(string ns)
        {
            for (var n = ns; n.Length > 0; n = n.Contains('.', StringComparison.Ordinal) ? n[..n.LastIndexOf('.')] : "")
            {
                yield return n;
            }
        }

        // A type qualified by one of our namespaces, in full or from an enclosing namespace (Data.Entities.Worker).
        private static string? Resolve(string[] chain, List<string> contexts, Dictionary<string, string> folderOf, Dictionary<string, HashSet<string>> types)
        {
            foreach (var context in contexts)
            {
                for (var k = chain.Length - 1; k >= 1; k--)
                {
                    var name = string.Join('.', chain.Take(k));
                    var ns = context.Length == 0 ? name : context + "." + name;
                    if (types.TryGetValue(ns, out var declared) && declared.Contains(chain[k]))
                    {
                        return folderOf[ns];
                    }
                }
            }

            return null;
        }

        private void Add(string from, string to, string why)
        {
            Nodes.Add(to);
            if (from != to)
            {
                _why.TryAdd((from, to), why);
            }
        }
    }

    /// <summary>One source file: its folder, namespace, using directives, top-level types and the names it uses.</summary>
    private sealed partial class SourceFile
    {
        private readonly string _code;

        public SourceFile(string root, string file)
        {
            Path = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
            var raw = File.ReadAllText(file);
            IsRazor = file.EndsWith(".cshtml", StringComparison.Ordinal);
            _code = IsRazor ? RazorComment().Replace(raw, " ") : StripCSharp(raw);
            Namespace = (IsRazor ? RazorNamespace() : Namespace_()).Match(_code) is { Success: true } m ? m.Groups[1].Value : null;
            Folder = FolderOf(Path);
        }

        public string Path { get; }

        public bool IsRazor { get; }

        public string? Namespace { get; }

        public string Folder { get; }

        /// <summary>A Razor view's namespace: MigrantCover.Web.Pages and its folder.</summary>
        public string ImpliedNamespace =>
            Path.StartsWith("src/MigrantCover.Web/", StringComparison.Ordinal)
                ? "MigrantCover.Web." + string.Join('.', Path["src/MigrantCover.Web/".Length..].Split('/').SkipLast(1))
                : "";

        public IEnumerable<string> TopLevelTypes
        {
            get
            {
                // The braces open: true for a namespace's, false for a type's or a member's.
                var braces = new Stack<bool>();
                var namespaceHeader = false;
                string? previous = null;
                foreach (Match token in Token().Matches(_code))
                {
                    var t = token.Value;
                    if (t == "namespace")
                    {
                        namespaceHeader = true;
                    }
                    else if (t == ";")
                    {
                        namespaceHeader = false;
                    }
                    else if (t == "{")
                    {
                        braces.Push(namespaceHeader);
                        namespaceHeader = false;
                    }
                    else if (t == "}" && braces.Count > 0)
                    {
                        braces.Pop();
                    }
                    else if (previous is "class" or "record" or "struct" or "interface" or "enum" && char.IsLetter(t[0]) && t is not ("class" or "struct") && braces.All(b => b))
                    {
                        yield return t;
                    }

                    previous = t;
                }
            }
        }

        public IEnumerable<string> OwnUsings() => Using().Matches(_code).Select(m => m.Groups[1].Value);

        /// <summary>The namespaces this file imports: its using directives, the global ones of its project, and for a view those of its _ViewImports.</summary>
        public IEnumerable<string> Usings(IReadOnlyList<SourceFile> all)
        {
            static IEnumerable<string> Of(Regex directive, SourceFile f) => directive.Matches(f._code).Select(m => m.Groups[1].Value);
            var project = all.Where(f => f.Path.Split('/')[1] == Path.Split('/')[1]).ToList();
            var imports = IsRazor
                ? project.Where(f => f.Path.EndsWith("/_ViewImports.cshtml", StringComparison.Ordinal) && Path.StartsWith(f.Path[..^"_ViewImports.cshtml".Length], StringComparison.Ordinal))
                : [];
            return Of(Using(), this).Concat(project.SelectMany(f => Of(GlobalUsing(), f))).Concat(imports.SelectMany(f => Of(Using(), f)));
        }

        /// <summary>Every name the code uses that is not a member access: Worker, RegisterWorker.Request, Data.Entities.Worker.</summary>
        public IEnumerable<string[]> Names() =>
            QualifiedName().Matches(_code).Where(m => m.Index == 0 || _code[m.Index - 1] != '.').Select(m => m.Value.Split('.').Select(s => s.Trim()).ToArray());

        private static string FolderOf(string path)
        {
            var parts = path.Split('/');
            if (parts[1] == "MigrantCover.Domain")
            {
                return "Domain";
            }

            if (parts.Length == 3)
            {
                return "Program";
            }

            return parts[2] is "Features" or "Pages" && parts.Length > 4 ? parts[2] + "/" + parts[3] : parts[2];
        }

        // Comments and the contents of strings and characters become spaces: names in them are not uses.
        private static string StripCSharp(string code)
        {
            var sb = new StringBuilder(code.Length);
            for (var i = 0; i < code.Length; i++)
            {
                var c = code[i];
                if (c == '/' && i + 1 < code.Length && code[i + 1] == '/')
                {
                    while (i < code.Length && code[i] != '\n')
                    {
                        i++;
                    }

                    sb.Append('\n');
                }
                else if (c == '/' && i + 1 < code.Length && code[i + 1] == '*')
                {
                    i = code.IndexOf("*/", i + 2, StringComparison.Ordinal) + 1;
                    sb.Append(' ');
                }
                else if (c == '"' && code.AsSpan(i).StartsWith("\"\"\""))
                {
                    var quotes = 0;
                    while (code[i + quotes] == '"')
                    {
                        quotes++;
                    }

                    i = code.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal) + quotes - 1;
                    sb.Append("\"\"");
                }
                else if (c == '"')
                {
                    var verbatim = i > 0 && (code[i - 1] == '@' || (code[i - 1] == '$' && i > 1 && code[i - 2] == '@'));
                    for (i++; i < code.Length; i++)
                    {
                        if (!verbatim && code[i] == '\\')
                        {
                            i++;
                        }
                        else if (code[i] == '"' && verbatim && i + 1 < code.Length && code[i + 1] == '"')
                        {
                            i++;
                        }
                        else if (code[i] == '"')
                        {
                            break;
                        }
                    }

                    sb.Append("\"\"");
                }
                else if (c == '\'' && i + 2 < code.Length && (code[i + 2] == '\'' || code[i + 1] == '\\'))
                {
                    i = code.IndexOf('\'', i + 2);
                    sb.Append("' '");
                }
                else
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
        private static partial Regex Namespace_();

        [GeneratedRegex(@"^\s*@namespace\s+([\w.]+)", RegexOptions.Multiline)]
        private static partial Regex RazorNamespace();

        [GeneratedRegex(@"^\s*@?(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?([\w.]+)", RegexOptions.Multiline)]
        private static partial Regex Using();

        [GeneratedRegex(@"^\s*global\s+using\s+(?:static\s+)?([\w.]+)", RegexOptions.Multiline)]
        private static partial Regex GlobalUsing();

        [GeneratedRegex(@"@\*.*?\*@|<!--.*?-->", RegexOptions.Singleline)]
        private static partial Regex RazorComment();

        [GeneratedRegex(@"[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*")]
        private static partial Regex QualifiedName();

        [GeneratedRegex(@"[A-Za-z_]\w*|[^\sA-Za-z0-9_]")]
        private static partial Regex Token();
    }
}
