using Fangkong.Web.Hosting;

var builder = FangkongHost.Configure(WebApplication.CreateBuilder(args));
var app = FangkongHost.Build(builder);
await FangkongHost.MigrateAsync(app);
await DemoStartup.EnsureDemoCityAsync(app);
DemoStartup.AnnounceWhenStarted(app);
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
