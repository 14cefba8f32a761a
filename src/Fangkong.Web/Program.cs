using Fangkong.Web.Hosting;

var builder = FangkongHost.Configure(WebApplication.CreateBuilder(args));
var app = FangkongHost.Build(builder);
await FangkongHost.MigrateAsync(app);
// A production start with demo passwords, keys in the database or an insecure cookie stops here, saying why (ADR 0026).
if (!await ProductionSafety.EnsureSafeAsync(app)) return 1;
// The first start serves at once and generates the demo city behind a progress page (issue 19).
if (await DemoStartup.PrepareAsync(app) is { } demo) DemoStartup.GenerateInBackground(app, demo);
DemoStartup.AnnounceWhenStarted(app);
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
