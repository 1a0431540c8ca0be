using Npgsql;
using TotalPlace.Storage.Audit;
using TotalPlace.Storage.Postgres;
using TotalPlace.Testing;

namespace TotalPlace.Storage.Tests.Audit;

/// <summary>The hash chain on PostgreSQL, tampered with as the owner of audit_log would (setting the append-only
/// trigger aside), and the deployment of deploy/postgres/app-role.sql: the application's role can append and read the
/// trail but not change, delete, truncate or unguard it.</summary>
public sealed class PostgresAuditChainTests(PostgresClusterFixture fixture) : AuditChainContract<PostgresClusterFixture>(fixture), IClassFixture<PostgresClusterFixture>
{
    private const string AppRole = "totalplace_app";

    protected override async Task<(IPlaceStore Store, Func<string, Task> Tamper)> OpenWithTamperAsync()
    {
        var (store, owner) = await NewDatabaseAsync();
        return (store, sql => Sql(owner, "ALTER TABLE audit_log DISABLE TRIGGER USER; " + sql + "; ALTER TABLE audit_log ENABLE TRIGGER USER"));
    }

    /// <summary>A new database migrated by its owner (the cluster's superuser here), and the owner's connection string.</summary>
    private async Task<(IPlaceStore Store, string Owner)> NewDatabaseAsync()
    {
        // Creating a fixture store first fails the test, as the contract does, when PostgreSQL is not installed.
        await (await Fixture.CreateStoreAsync(Ct)).DisposeAsync();
        var database = "chain_" + Guid.NewGuid().ToString("N");
        await Sql(Fixture.AdminConnectionString, $"CREATE DATABASE {database}");
        var owner = new NpgsqlConnectionStringBuilder(Fixture.AdminConnectionString) { Database = database }.ConnectionString;
        return (await PostgresPlaceStore.OpenAsync(owner, Ct), owner);
    }

    /// <summary>The deployment the docs describe: the owner migrates, then runs deploy/postgres/app-role.sql; the app
    /// connects as totalplace_app.</summary>
    private async Task<(IPlaceStore OwnerStore, string Owner, string App)> DeployedAsync()
    {
        var (store, owner) = await NewDatabaseAsync();
        // Roles are cluster-wide and tests run in parallel: create it once, whoever comes first.
        await Sql(Fixture.AdminConnectionString, $"DO $$ BEGIN CREATE ROLE {AppRole} LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
        await Sql(owner, await File.ReadAllTextAsync(Path.Combine(SharedData.RepositoryRoot(), "deploy", "postgres", "app-role.sql"), Ct));
        var app = new NpgsqlConnectionStringBuilder(owner) { Username = AppRole }.ConnectionString;
        return (store, owner, app);
    }

    [Fact]
    public async Task AppRole_WritesAndReadsTheStoreAndItsChain()
    {
        var (ownerStore, _, app) = await DeployedAsync();
        await ownerStore.DisposeAsync();

        await using var store = await PostgresPlaceStore.OpenAsync(app, Ct);
        using (AuditActor.Use("alice"))
        {
            await store.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "jan"), [new TransactionBuilder().Paying(12.34m).AtRow(2).Build()], Ct);
        }

        var result = await store.Audit.VerifyAuditChainAsync(cancellationToken: Ct);
        Assert.True(result.Intact, result.Problem);
        Assert.Equal(2, result.Entries); // place.created, batch.imported
        Assert.Equal(AppRole, await Scalar(app, "SELECT current_user"));
    }

    [Theory]
    [InlineData("UPDATE audit_log SET actor = 'mallory'")]
    [InlineData("DELETE FROM audit_log")]
    [InlineData("TRUNCATE audit_log")]
    [InlineData("ALTER TABLE audit_log DISABLE TRIGGER USER")]
    [InlineData("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete")]
    [InlineData("DROP TRIGGER audit_log_no_update_or_delete ON audit_log")]
    [InlineData("DROP TABLE audit_log")]
    [InlineData("ALTER TABLE audit_log OWNER TO totalplace_app")]
    public async Task AppRole_CannotRewriteOrUnguardTheTrail(string statement)
    {
        var (ownerStore, _, app) = await DeployedAsync();
        await using (ownerStore)
        {
            using (AuditActor.Use("alice"))
            {
                await ownerStore.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "kept"), [new TransactionBuilder().Paying(1m).AtRow(2).Build()], Ct);
            }

            var error = await Assert.ThrowsAsync<PostgresException>(() => Sql(app, statement));

            // 42501 insufficient_privilege ("permission denied", "must be owner of table audit_log").
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
            var after = await ownerStore.Audit.VerifyAuditChainAsync(cancellationToken: Ct);
            Assert.True(after.Intact, after.Problem);
            Assert.Equal(2, after.Entries); // place.created, batch.imported
        }
    }

    [Fact]
    public async Task AppRole_CanAppendOnlyThroughTheStore_AHandInsertIsReported()
    {
        var (ownerStore, _, app) = await DeployedAsync();
        await using (ownerStore)
        {
            using (AuditActor.Use("alice"))
            {
                await ownerStore.Spend.CommitTransactionsAsync(Headers.For(Manchester, Council, "kept"), [new TransactionBuilder().Paying(1m).AtRow(2).Build()], Ct);
            }

            // INSERT is granted (the store needs it), so a backdated entry can be added by hand; the chain shows it.
            await Sql(
                app,
                "INSERT INTO audit_log (place_code, audit_id, occurred_at, actor, action, subject_kind, subject_id, agency, summary, details) " +
                $"VALUES ('{Manchester}', nextval('audit_id'), TIMESTAMPTZ '2020-01-01 00:00:00+00', 'alice', 'batch.deleted', 'batch', '1', '{Council}', 'Deleted batch 1.', '{{}}')");
            var result = await ownerStore.Audit.VerifyAuditChainAsync(cancellationToken: Ct);

            Assert.False(result.Intact);
            Assert.Equal(3, result.Entries); // place.created, batch.imported and the hand-inserted one
            Assert.Contains("no hash", result.Problem, StringComparison.Ordinal);
        }
    }

    private static async Task Sql(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(Ct);
    }
}
