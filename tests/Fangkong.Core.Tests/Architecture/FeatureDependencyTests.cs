using Fangkong.Core.Data;
using Mono.Cecil;

namespace Fangkong.Core.Tests.Architecture;

/// <summary>Core's feature folders use only what ADR 0018's table allows; Domain stays pure.</summary>
public class FeatureDependencyTests
{
    private static readonly string CoreDll = typeof(FangkongDb).Assembly.Location;
    private static readonly string DomainDll = typeof(Domain.Codes.CodeColour).Assembly.Location;

    /// <summary>Every use of a folder the table does not allow, as "F → G: user uses used" lines.</summary>
    public static List<string> Violations(string assembly, DependencyTable table) =>
        FeatureReferences.Read(assembly, "Fangkong.Core")
            .Where(u => !table.Allows(u.From, u.To))
            .Select(u => $"{u.From} → {u.To}: {u.User} uses {u.Used}")
            .ToList();

    [Fact]
    public void Every_folder_uses_only_the_folders_its_row_allows()
    {
        var violations = Violations(CoreDll, DependencyTable.FromAdr());
        Assert.True(violations.Count == 0,
            $"{violations.Count} uses not allowed by {Path.GetFileName(DependencyTable.AdrPath())}:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Every_folder_has_a_row()
    {
        var table = DependencyTable.FromAdr();
        var folders = FeatureReferences.Folders(CoreDll, "Fangkong.Core");
        Assert.Empty(folders.Except(table.Folders));
    }

    [Fact]
    public void The_table_has_no_cycle()
    {
        // Data and the composition root may use everything ("*"): they compose the folders and are left out.
        var table = DependencyTable.FromAdr();
        var graph = table.Folders.Where(f => !table.Uses(f).Contains(DependencyTable.Everything))
            .ToDictionary(f => f, f => table.Uses(f).Where(g => g != f && table.Folders.Contains(g) && !table.Uses(g).Contains(DependencyTable.Everything)).ToList());
        var state = new Dictionary<string, int>(); // 1 visiting, 2 done
        List<string>? Cycle(string f, List<string> path)
        {
            if (state.GetValueOrDefault(f) == 2) return null;
            if (state.GetValueOrDefault(f) == 1) return [.. path.SkipWhile(p => p != f), f];
            state[f] = 1;
            path.Add(f);
            foreach (var g in graph[f])
                if (Cycle(g, path) is { } c) return c;
            path.RemoveAt(path.Count - 1);
            state[f] = 2;
            return null;
        }
        foreach (var f in graph.Keys)
            if (Cycle(f, []) is { } cycle) Assert.Fail("the table has a cycle: " + string.Join(" → ", cycle));
    }

    [Fact]
    public void The_guard_reports_a_use_the_table_lacks()
    {
        // Testing uses Data's FangkongDb everywhere; Testing uses Common's CityClock. Take the second edge away.
        var table = DependencyTable.FromAdr();
        Assert.True(table.Allows("Testing", "Common"));
        var violations = Violations(CoreDll, table.Without("Testing", "Common"));
        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.StartsWith("Testing → Common: Fangkong.Core.Testing.", v));
        Assert.Contains(violations, v => v.EndsWith(" uses Fangkong.Core.Common.CityClock", StringComparison.Ordinal));
    }

    [Fact]
    public void The_reader_sees_uses_in_signatures_and_in_method_bodies()
    {
        var uses = FeatureReferences.Read(CoreDll, "Fangkong.Core");
        // A constructor parameter: ResultFanOut takes the colour port.
        Assert.Contains(new FeatureReferences.Use("Testing", "Common", "Fangkong.Core.Testing.ResultFanOut", "Fangkong.Core.Common.ICodeRecompute"), uses);
        // Only inside a lambda (a compiler-generated nested type): GateBatch reads the colours view's element type.
        Assert.Contains(new FeatureReferences.Use("Gate", "Data", "Fangkong.Core.Gate.GateBatch", "Fangkong.Core.Data.PersonColour"), uses);
    }

    [Fact]
    public void A_case_s_timeline_is_told_by_each_feature_through_the_port_and_Tracing_names_none_of_them()
    {
        var uses = FeatureReferences.Read(CoreDll, "Fangkong.Core");
        foreach (var (folder, part) in new[] { ("Testing", "TestingTimelinePart"), ("Hospitals", "HospitalsTimelinePart"), ("Quarantine", "QuarantineTimelinePart"), ("Zones", "ZonesTimelinePart") })
            Assert.Contains(new FeatureReferences.Use(folder, "Common", $"Fangkong.Core.{folder}.{part}", "Fangkong.Core.Common.ICaseTimelinePart"), uses);
        Assert.Contains(new FeatureReferences.Use("Tracing", "Common", "Fangkong.Core.Tracing.CaseTimeline", "Fangkong.Core.Common.ICaseTimelinePart"), uses);
        // The one new edge: the officer's masked name comes from Accounts' users.
        Assert.Contains(uses, u => u.From == "Tracing" && u.To == "Accounts" && u.User.StartsWith("Fangkong.Core.Tracing.CaseTimeline", StringComparison.Ordinal));
        Assert.DoesNotContain(uses, u => u.User.StartsWith("Fangkong.Core.Tracing.CaseTimeline", StringComparison.Ordinal) && u.To is "Testing" or "Hospitals" or "Quarantine" or "Zones");
    }

    [Fact]
    public void Domain_references_only_the_framework()
    {
        using var module = ModuleDefinition.ReadModule(DomainDll);
        var references = module.AssemblyReferences.Select(a => a.Name).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name is "netstandard" || IsFramework(name),
            $"Fangkong.Domain references {name}, which is not part of the framework"));
    }

    [Fact]
    public void Domain_has_no_package_or_project_reference()
    {
        var project = File.ReadAllText(Path.Combine(Path.GetDirectoryName(DependencyTable.AdrPath())!, "..", "..", "src", "Fangkong.Domain", "Fangkong.Domain.csproj"));
        Assert.DoesNotContain("PackageReference", project);
        Assert.DoesNotContain("ProjectReference", project);
    }

    /// <summary>
    /// The framework's assemblies are those the shared runtime ships (System.*, Microsoft.* of the runtime); a package
    /// named System.Something (System.CommandLine) is not among them.
    /// </summary>
    private static bool IsFramework(string name) =>
        File.Exists(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, name + ".dll"));
}
