using Fangkong.Core.Data;

namespace Fangkong.Web.Tests.Support;

/// <summary>
/// One <see cref="ApiHost"/> for all the tests of a class whose requests are refused or only read. Starting a host costs
/// seconds of CPU (the DI graph, every minimal-API handler compiled), and hundreds of starts were most of a CI run.
/// xunit runs a class's tests one after another, so they never share the host at the same time.
/// </summary>
public abstract class SharedApiHost(StorageProvider provider) : IAsyncLifetime
{
    private ApiHost? _host;

    public ApiHost Host => _host ?? throw new InvalidOperationException("The shared host has not started.");

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(provider);

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    public sealed class Sqlite() : SharedApiHost(StorageProvider.Sqlite);

    public sealed class Postgres() : SharedApiHost(StorageProvider.Postgres);
}
