using System.CommandLine;
using Fangkong.Core.Data;

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

    public static StorageOptions From(ParseResult r) => new()
    {
        Provider = r.GetValue(Provider),
        ConnectionString = r.GetValue(Connection) ?? "Data Source=data/fangkong.db",
    };
}
