using System.Net;
using Fangkong.Core.Data;
using Fangkong.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Fangkong.Bench;

/// <summary>The real Fangkong web host on 127.0.0.1 over a given store, as production runs it (no demo seeding, warnings only).</summary>
internal sealed record BenchHost(WebApplication App, string Url) : IAsyncDisposable
{
    public IServiceProvider Services => App.Services;

    /// <summary>Builds and migrates the host; <paramref name="prepare"/> runs on the migrated store before it listens.</summary>
    /// <param name="settings">Configuration on top of the bench's own (the overload bench's limits).</param>
    public static async Task<BenchHost> StartAsync(StorageOptions storage, Func<IServiceProvider, Task>? prepare = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = storage.Provider.ToString(),
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["Demo:SeedOnStart"] = "false",
            ["Policy:Accounts:RequireTotp"] = "false",
            ["Policy:Accounts:SignInsPerMinute"] = "100000",
            ["Housekeeping"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = Environment.GetEnvironmentVariable("FK_BENCH_SQL_LOG") ?? "Warning",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = FangkongHost.Build(FangkongHost.Configure(builder));
        await FangkongHost.MigrateAsync(app);
        if (prepare is not null) await prepare(app.Services);
        await app.StartAsync();
        return new BenchHost(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public static HttpClient Client(string url) => new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = new Uri(url),
    };

    public async Task<HttpClient> LoginAsync(string user, string password)
    {
        var c = Client(Url);
        (await c.PostAsJsonAsync("/api/auth/login", new { userName = user, password })).EnsureSuccessStatusCode();
        return c;
    }

    public async ValueTask DisposeAsync()
    {
        // Stopped first, so background services (the export worker) see a shutdown rather than a failure.
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
