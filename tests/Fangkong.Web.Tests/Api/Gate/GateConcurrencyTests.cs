using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.People;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Gate;

public sealed class GateConcurrencyTestsSqlite() : GateConcurrencyTests(StorageProvider.Sqlite);
public sealed class GateConcurrencyTestsPostgres() : GateConcurrencyTests(StorageProvider.Postgres);

/// <summary>
/// Many simultaneous check-ins go through the group writer: each is answered once, written once, and the
/// venue cap holds exactly even when requests race for the last places.
/// </summary>
public abstract class GateConcurrencyTests(StorageProvider provider)
{
    [Fact]
    public async Task Concurrent_check_ins_are_grouped_written_once_each_and_never_exceed_capacity()
    {
        const int visitors = 120, capacity = 50;
        await using var host = await ApiHost.StartAsync(provider, s => s.HallCapacity = capacity);
        await using (var db = host.Db())
        {
            for (var i = 0; i < visitors; i++)
            {
                db.Persons.Add(new Person
                {
                    Id = 1000 + i,
                    DocumentType = DocumentType.ResidentIdCard,
                    Name = "测试" + i,
                    Token = $"load-token-{i:D6}-xxxxxx",
                    DocumentNumber = ResidentIdNumber.Compose("220402", new DateOnly(1980, 1, 1).AddDays(i), 100 + i % 800),
                });
            }
            await db.SaveChangesAsync();
        }
        var gate = host.Services.GetRequiredService<GateService>();
        var writer = host.Services.GetRequiredService<GateQueue>();
        var batchesBefore = writer.Batches;
        var answers = await Task.WhenAll(Enumerable.Range(0, visitors).Select(i => Task.Run(() => gate.HandleAsync(new GateRequest(
            Scenario.DeviceId, $"concurrent-{i:D4}", GateDirection.In,
            ResidentIdNumber.Compose("220402", new DateOnly(1980, 1, 1).AddDays(i), 100 + i % 800), null, 36.5m), default))));

        Assert.Equal(capacity, answers.Count(a => a.Outcome == Domain.Gate.GateOutcome.Admit));
        Assert.Equal(visitors - capacity, answers.Count(a => a.Reasons.Contains(Domain.Gate.DenyReason.VenueFull)));
        Assert.True(writer.Batches - batchesBefore < visitors, "requests should have been committed in groups");
        await using var check = host.Db();
        Assert.Equal(visitors, await check.GateEvents.CountAsync());
        Assert.Equal(capacity, await check.Visits.CountAsync());
        Assert.Equal(visitors, answers.Select(a => a.EventId).Distinct().Count());
    }
}
