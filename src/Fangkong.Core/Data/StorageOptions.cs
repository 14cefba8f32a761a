using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Core.Data;

public enum StorageProvider { Sqlite, Postgres }

/// <summary>Storage is chosen by configuration: "Storage:Provider" (Sqlite | Postgres) and "Storage:ConnectionString".</summary>
public sealed class StorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=fangkong.db";
    /// <summary>
    /// Where reads that may be a little stale go (<c>ConnectionStrings:Reads</c>, ADR 0047): on PostgreSQL a multi-host string with
    /// <c>Target Session Attributes=prefer-standby</c>. Unset (and always on SQLite): the main connection.
    /// </summary>
    public string? ReadsConnectionString { get; set; }
    /// <summary>How far behind the primary a standby may be for the contact index's bulk load: it re-reads this much from the primary.</summary>
    public TimeSpan ReadsLagAllowance { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when stale reads go somewhere else than the main connection.</summary>
    public bool SeparateReads => Provider == StorageProvider.Postgres && !string.IsNullOrWhiteSpace(ReadsConnectionString) && ReadsConnectionString != ConnectionString;

    public const string SqliteMigrations = "Fangkong.Storage.Sqlite";
    public const string PostgresMigrations = "Fangkong.Storage.Postgres";

    public void Configure(DbContextOptionsBuilder builder)
    {
        if (Provider == StorageProvider.Postgres)
            builder.UseNpgsql(WithAutoPrepare(ConnectionString), o => o.MigrationsAssembly(PostgresMigrations));
        else
            builder.UseSqlite(ConnectionString, o => o.MigrationsAssembly(SqliteMigrations));
        // The lists' capped counts take 10,001 rows in no particular order on purpose (Keyset.PageAsync): any 10,001
        // make the same count, so EF's warning about an unordered Take would only fill the log once per filter shape.
        builder.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning)
            // A failed save or command is an exception the caller sees: where it is expected (a unique index deciding a race
            // between two tables or two instances) the caller handles it, and where it is not, the exception handler or the
            // background worker logs it with its stack. EF logging it as an error as well would cry wolf on every handled race.
            .Log((Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, Microsoft.Extensions.Logging.LogLevel.Debug),
                (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, Microsoft.Extensions.Logging.LogLevel.Debug)));
    }

    /// <summary>
    /// The gate and the lists run the same few statements over and over: let Npgsql prepare them so the server
    /// skips parsing and planning. An explicit setting in the connection string wins.
    /// </summary>
    private static string WithAutoPrepare(string cs)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(cs);
        if (!cs.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) b.MaxAutoPrepare = 64;
        return b.ConnectionString;
    }

    public DbContextOptions<FangkongDb> BuildOptions()
    {
        var b = new DbContextOptionsBuilder<FangkongDb>();
        Configure(b);
        return b.Options;
    }

    /// <summary>The options of the stale reads' contexts: the reads connection.</summary>
    public DbContextOptions<FangkongDb> BuildReadOptions()
    {
        var b = new DbContextOptionsBuilder<FangkongDb>();
        new StorageOptions { Provider = Provider, ConnectionString = SeparateReads ? ReadsConnectionString! : ConnectionString }.Configure(b);
        return b.Options;
    }
}

public static class StorageRegistration
{
    /// <summary>Registers a pooled DbContext factory plus a scoped DbContext.</summary>
    public static IServiceCollection AddFangkongStorage(this IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        services.AddPooledDbContextFactory<FangkongDb>(options.Configure);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<FangkongDb>>().CreateDbContext());
        services.AddSingleton(sp => options.SeparateReads
            ? new StaleReads(new PooledDbContextFactory<FangkongDb>(options.BuildReadOptions()), options.ReadsLagAllowance)
            : new StaleReads(sp.GetRequiredService<IDbContextFactory<FangkongDb>>(), TimeSpan.Zero));
        return services;
    }
}
