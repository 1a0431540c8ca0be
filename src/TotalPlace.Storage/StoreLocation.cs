using System.Data.Common;

namespace TotalPlace.Storage;

/// <summary>Where a store lives, parsed once from what a user typed (a <c>--store</c> option, the web app's
/// <c>Store</c> setting): a DuckDB file path, a <c>postgres://</c> URI, or an Npgsql keyword connection string with a
/// <c>Host</c> or <c>Server</c> key in any position (<c>Database=x;Host=y</c> is a server, not a file).</summary>
/// <remarks>Every host parses through <see cref="Parse"/>, so the CLI and the web app always open the same engine for
/// the same text. A file path is made absolute against <c>baseDirectory</c> (the working folder by default).</remarks>
public sealed record StoreLocation
{
    private static readonly string[] s_hostKeys = ["host", "server"];

    private StoreLocation(StoreEngineKind engine, string target, string text)
    {
        Engine = engine;
        Target = target;
        Text = text;
    }

    /// <summary>The engine that keeps the store.</summary>
    public StoreEngineKind Engine { get; }

    /// <summary>What the engine opens: the absolute file path for DuckDB, a keyword connection string for PostgreSQL
    /// (a URI is converted, so engines see one form).</summary>
    public string Target { get; }

    /// <summary>The text as the user gave it (trimmed).</summary>
    public string Text { get; }

    /// <summary>True for a PostgreSQL server.</summary>
    public bool IsServer => Engine == StoreEngineKind.Postgres;

    /// <summary>Parses a store location.</summary>
    /// <exception cref="ArgumentException">The text is empty, or a postgres:// URI that is not a valid URI.</exception>
    public static StoreLocation Parse(string text, string? baseDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var trimmed = text.Trim();
        if (IsUri(trimmed))
        {
            return new StoreLocation(StoreEngineKind.Postgres, FromUri(trimmed), trimmed);
        }

        if (NamesHost(trimmed))
        {
            return new StoreLocation(StoreEngineKind.Postgres, trimmed, trimmed);
        }

        var path = baseDirectory is null ? Path.GetFullPath(trimmed) : Path.GetFullPath(trimmed, baseDirectory);
        return new StoreLocation(StoreEngineKind.DuckDb, path, trimmed);
    }

    /// <summary>True when the text names a PostgreSQL server (a URI, valid or not, or a keyword string naming a host)
    /// rather than a DuckDB file; never throws.</summary>
    public static bool NamesServer(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return IsUri(trimmed) || NamesHost(trimmed);
    }

    /// <summary>The store as it can be shown in a message or log: server, port, database and user for PostgreSQL
    /// (never the password), the full path for a DuckDB file.</summary>
    public string Describe()
    {
        if (!IsServer)
        {
            return "DuckDB file " + Target;
        }

        var builder = Keywords(Target);
        var host = Value(builder, "host", "server") ?? "localhost";
        var port = Value(builder, "port") ?? "5432";
        var database = Value(builder, "database", "db") ?? "";
        var user = Value(builder, "username", "user id", "user name", "userid", "uid", "user");
        return $"PostgreSQL {host}:{port}/{database}{(string.IsNullOrEmpty(user) ? "" : " as " + user)}";
    }

    /// <inheritdoc/>
    public override string ToString() => Describe();

    private static bool IsUri(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
        text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    // A file name may contain '=' or ';' (rarely), so only a well-formed keyword string that names a host is a server.
    private static bool NamesHost(string text)
    {
        if (!text.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var builder = Keywords(text);
            return s_hostKeys.Any(builder.ContainsKey);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static DbConnectionStringBuilder Keywords(string text) => new() { ConnectionString = text };

    private static string? Value(DbConnectionStringBuilder builder, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (builder.TryGetValue(key, out var value) && value is not null && value.ToString() is { Length: > 0 } text)
            {
                return text;
            }
        }

        return null;
    }

    private static string FromUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"'{Redact(text)}' is not a valid postgres:// URI (postgres://user:password@host:port/database).", nameof(text));
        }

        var builder = new DbConnectionStringBuilder
        {
            ["Host"] = uri.Host,
            ["Port"] = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            ["Database"] = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder["Username"] = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1)
            {
                builder["Password"] = Uri.UnescapeDataString(parts[1]);
            }
        }

        return builder.ConnectionString;
    }

    private static string Redact(string text)
    {
        var at = text.LastIndexOf('@');
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        return at > scheme && scheme >= 0 ? text[..(scheme + 3)] + "…" + text[at..] : text;
    }
}
