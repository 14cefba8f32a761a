using System.Text.Json.Serialization;
using Fangkong.Core;
using Fangkong.Core.Data;
using Fangkong.Web.Api;
using Fangkong.Web.Api.Accounts;
using Fangkong.Web.Api.Appeals;
using Fangkong.Web.Api.Audit;
using Fangkong.Web.Api.Checkpoints;
using Fangkong.Web.Api.Codes;
using Fangkong.Web.Api.Command;
using Fangkong.Web.Api.Community;
using Fangkong.Web.Api.Exports;
using Fangkong.Web.Api.Gate;
using Fangkong.Web.Api.Hospitals;
using Fangkong.Web.Api.Institutions;
using Fangkong.Web.Api.Passes;
using Fangkong.Web.Api.Places;
using Fangkong.Web.Api.Quarantine;
using Fangkong.Web.Api.Requests;
using Fangkong.Web.Api.Returnees;
using Fangkong.Web.Api.Supervision;
using Fangkong.Web.Api.Supplies;
using Fangkong.Web.Api.Teams;
using Fangkong.Web.Api.Testing;
using Fangkong.Web.Api.Tracing;
using Fangkong.Web.Api.VenueCodes;
using Fangkong.Web.Api.Zones;
using Fangkong.Web.Hosting.Health;
using Scalar.AspNetCore;

namespace Fangkong.Web.Hosting;

/// <summary>Builds the whole web host; Program.cs, the tests and the benchmark all start the platform through here.</summary>
public static class FangkongHost
{
    public static WebApplicationBuilder Configure(WebApplicationBuilder builder)
    {
        var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        // Heavy reads that may be stale go to a standby when one is named (ADR 0047); unset, to the main connection.
        storage.ReadsConnectionString ??= builder.Configuration.GetConnectionString("Reads");
        builder.Services.AddFangkongCore(storage, builder.Configuration);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Ids are 64-bit and exceed a JavaScript number's 53 bits, so browser clients send them as strings.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);
        // Serve Blazor's and MudBlazor's assets from the build output outside Development too (./run.sh, tests).
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddFangkongAuth();
        builder.Services.AddSecureCookieSetting(builder.Configuration);
        builder.Services.AddFangkongRateLimits(builder.Configuration);
        builder.AddFangkongTelemetry();
        builder.Services.AddSecretProtection(builder.Configuration);
        builder.Services.AddFangkongHealth();
        if (builder.Configuration.GetValue("Housekeeping", true))
        {
            builder.Services.AddHostedService<GateHousekeeping>();
            builder.Services.AddHostedService<ZoneHousekeeping>();
            builder.Services.AddHostedService<GateWatchHousekeeping>();
            builder.Services.AddHostedService<RetentionHousekeeping>();
            builder.Services.AddHostedService<KeyRotation>();
            builder.Services.AddHostedService<StayIndexBuilder>();
        }
        builder.Services.AddSingleton<DemoCityProgress>();
        builder.Services.AddSingleton<ExportSignal>();
        builder.Services.AddSingleton<SearchTokens>();
        if (builder.Configuration.GetValue("ExportWorker", true)) builder.Services.AddHostedService<ExportWorker>();
        builder.Services.AddFangkongUi();
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        // First, so that everything after it — the problem answers and the exception handler included — words its
        // sentences in the request's language.
        app.UseRequestLocalization();
        app.UseSecurityHeaders();
        // Before the demo city's gate and sign-in: HAProxy polls these anonymously, also while a city is generated.
        app.UseFangkongHealth();
        app.UseDemoCityGate();
        app.UseFangkongProblems();
        app.UseBodyLimits();
        app.UseApiStatusProblems();
        app.UseAuthentication();
        app.UsePendingSteps();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAreaConfinement();
        app.UseUrlAndFormText();
        app.MapOpenApi();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Fangkong API"));
        // Every endpoint below has its text and dates checked by one filter (RequestGuard).
        var api = app.MapGroup("").WithRequestGuard();
        api.MapAuthApi();
        api.MapAccountsApi();
        api.MapGateApi();
        api.MapVenueCodesApi();
        api.MapCodesApi();
        api.MapPlacesApi();
        api.MapTracingApi();
        api.MapCasesApi();
        api.MapLineListsApi();
        api.MapBulletinsApi();
        api.MapDashboardApi();
        api.MapInvestigationApi();
        api.MapQuarantineApi();
        api.MapHospitalsApi();
        api.MapTeamsApi();
        api.MapTestingApi();
        api.MapSamplingApi();
        api.MapZonesApi();
        api.MapZoneMapApi();
        api.MapCommunityApi();
        api.MapAuditApi();
        api.MapAppealsApi();
        api.MapSuppliesApi();
        api.MapRequestsApi();
        api.MapReturneesApi();
        api.MapCheckpointsApi();
        api.MapSupervisionApi();
        api.MapPassesApi();
        api.MapInstitutionsApi();
        app.MapFangkongUi();
        return app;
    }

    /// <summary>Migrates the store before the host starts serving.</summary>
    public static async Task MigrateAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await Database.MigrateAsync(scope.ServiceProvider.GetRequiredService<FangkongDb>());
    }
}
