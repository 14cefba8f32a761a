using System.CommandLine;
using Fangkong.Core.Data;
using Microsoft.Extensions.Configuration;

namespace Fangkong.Cli;

/// <summary>--provider and --connection, shared by every command that touches the store.</summary>
internal static class StoreOptions
{
    public static readonly Option<StorageProvider> Provider = new("--provider")
    {
        Description = "Sqlite (default) or Postgres",
        DefaultValueFactory = _ => StorageProvider.Sqlite,
    };

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Connection string (default: SQLite file data/fangkong.db)",
    };

    public static readonly Option<FileInfo?> SettingsFile = new("--settings")
    {
        Description = "A settings file to read Policy:* from, over the server's appsettings.json shipped beside this command",
    };

    /// <summary>
    /// The policies' configuration as the server reads it: its appsettings.json (copied beside this command), then
    /// --settings, then environment variables (Policy__Codes__Version=…), the later winning.
    /// </summary>
    public static IConfiguration Settings(ParseResult r)
    {
        var builder = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        if (r.GetValue(SettingsFile) is { } file) builder.AddJsonFile(file.FullName, optional: false);
        return builder.AddEnvironmentVariables().Build();
    }

    public static StorageOptions From(ParseResult r) => new()
    {
        Provider = r.GetValue(Provider),
        ConnectionString = r.GetValue(Connection) ?? "Data Source=data/fangkong.db",
    };
}
