using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Fangkong.Storage.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the context for this provider.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FangkongDb>
{
    public FangkongDb CreateDbContext(string[] args) => new(new StorageOptions
    {
        Provider = StorageProvider.Sqlite,
        ConnectionString = "Data Source=design.db",
    }.BuildOptions());
}
