using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Fangkong.Storage.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the context for this provider.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<FangkongDb>
{
    public FangkongDb CreateDbContext(string[] args) => new(new StorageOptions
    {
        Provider = StorageProvider.Postgres,
        ConnectionString = "Host=127.0.0.1;Database=fangkong_design;Username=postgres",
    }.BuildOptions());
}
