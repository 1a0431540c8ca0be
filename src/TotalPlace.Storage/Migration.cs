using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace TotalPlace.Storage;

/// <summary>One versioned schema migration: an SQL script embedded as Migrations/NNN_name.sql, either in the contract
/// assembly (the portable schema, src/TotalPlace.Storage/Schema) or in an engine assembly (that engine's twin of a
/// script whose dialect differs, or an engine-only script).</summary>
/// <remarks>Version ranges belong to areas so engineers never collide: 1-99 the core store, 100-199 waste,
/// 200-299 partnership, 300-399 audit, 400-499 identity, 500-599 counting, 600-619 proposals. A script is applied
/// once, in version order, in its own transaction, and recorded in <c>schema_version</c>.</remarks>
public sealed partial record Migration(int Version, string Name, string Sql)
{
    /// <summary>Every migration embedded in <paramref name="assembly"/>, in version order. A resource counts when its
    /// name ends with "Migrations.NNN_name.sql" or "Migrations/NNN_name.sql" (any folder, any separator).</summary>
    /// <exception cref="InvalidOperationException">Two scripts share a version number.</exception>
    public static IReadOnlyList<Migration> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var found = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourcePattern().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            found.Add(new Migration(
                int.Parse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd()));
        }

        var duplicate = found.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Migrations {string.Join(" and ", duplicate.Select(m => m.Name))} in {assembly.GetName().Name} share version {duplicate.Key}; each version number is used once.");
        }

        return [.. found.OrderBy(m => m.Version)];
    }

    /// <summary>The migrations an engine applies: the portable schema embedded in the contract assembly together with
    /// those embedded in <paramref name="engineAssembly"/>, in version order.</summary>
    /// <exception cref="InvalidOperationException">Two scripts share a version number (an engine twin must replace a
    /// portable script by leaving it out of the portable schema, never by repeating its number).</exception>
    public static IReadOnlyList<Migration> ForEngine(Assembly engineAssembly)
    {
        ArgumentNullException.ThrowIfNull(engineAssembly);
        var portable = Discover(typeof(Migration).Assembly);
        var engine = Discover(engineAssembly);
        var duplicate = portable.Join(engine, p => p.Version, e => e.Version, (p, e) => (p, e)).FirstOrDefault();
        if (duplicate.p is not null)
        {
            throw new InvalidOperationException(
                $"Migration {duplicate.p.Version:D3} is both portable ({duplicate.p.Name}) and in {engineAssembly.GetName().Name} ({duplicate.e.Name}); each version number is used once.");
        }

        return [.. portable.Concat(engine).OrderBy(m => m.Version)];
    }

    [GeneratedRegex(@"Migrations[./\\](?<version>\d{3,4})_(?<name>[A-Za-z0-9_\-]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourcePattern();
}
