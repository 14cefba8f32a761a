using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.People;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api.Gate;

public sealed class GateGroupFailureTestsSqlite() : GateGroupFailureTests(StorageProvider.Sqlite);
public sealed class GateGroupFailureTestsPostgres() : GateGroupFailureTests(StorageProvider.Postgres);

/// <summary>
/// A group whose write fails half-way (its visits inserted, then an event refused by the store) rolls back whole and
/// answers nobody from it; each of its requests is then decided alone, so only the one the store refuses goes unanswered.
/// </summary>
public abstract class GateGroupFailureTests(StorageProvider provider)
{
    private const string Poisoned = "poisoned-key-0007";

    [Fact]
    public async Task A_group_failing_half_way_writes_nothing_and_acknowledges_nothing_then_its_good_requests_are_written_alone()
    {
        const int visitors = 40, poisoned = 7;
        await using var host = await ApiHost.StartAsync(provider);
        string Number(int i) => ResidentIdNumber.Compose("220402", new DateOnly(1981, 1, 1).AddDays(i), 100 + i % 800);
        await using (var db = host.Db())
        {
            for (var i = 0; i < visitors; i++)
            {
                db.Persons.Add(new Person
                {
                    Id = 5000 + i,
                    DocumentType = DocumentType.ResidentIdCard,
                    Name = "分组" + i,
                    Token = $"group-token-{i:D6}-xxxxxx",
                    DocumentNumber = Number(i),
                });
            }
            await db.SaveChangesAsync();
            // The store refuses one event after its group's visits are in: the group fails half-way through its writes.
            await db.Database.ExecuteSqlRawAsync(provider == StorageProvider.Sqlite
                ? $"CREATE TRIGGER poison BEFORE INSERT ON gate_events WHEN NEW.\"IdempotencyKey\" = '{Poisoned}' BEGIN SELECT RAISE(ABORT, 'poisoned'); END;"
                : $"CREATE FUNCTION poison() RETURNS trigger AS $$ BEGIN IF NEW.\"IdempotencyKey\" = '{Poisoned}' THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql; " +
                  "CREATE TRIGGER poison BEFORE INSERT ON gate_events FOR EACH ROW EXECUTE FUNCTION poison();");
        }
        var gate = host.Services.GetRequiredService<GateService>();
        var writer = host.Services.GetRequiredService<GateQueue>();
        var batchesBefore = writer.Batches;
        var answers = await Task.WhenAll(Enumerable.Range(0, visitors).Select(i => Task.Run(async () =>
        {
            try
            {
                return await gate.HandleAsync(new GateRequest(Scenario.DeviceId, i == poisoned ? Poisoned : $"group-fail-{i:D4}", GateDirection.In,
                    Number(i), null, 36.5m), default);
            }
            catch (DbUpdateException) { return null; }
            catch (System.Data.Common.DbException) { return null; }
        })));

        Assert.Null(answers[poisoned]);
        Assert.All(answers.Where((_, i) => i != poisoned), a => Assert.Equal(Domain.Gate.GateOutcome.Admit, a!.Outcome));
        Assert.True(writer.Batches - batchesBefore < visitors, "requests should have been committed in groups");
        await using var check = host.Db();
        // Every answer is a row, and nothing of the refused request is: not its event, not the visit inserted before it.
        var events = await check.GateEvents.Select(e => e.Id).ToListAsync();
        Assert.Equal(visitors - 1, events.Count);
        Assert.Equal(answers.Where(a => a is not null).Select(a => a!.EventId!.Value).Order(), events.Order());
        Assert.Equal(visitors - 1, await check.Visits.CountAsync());
        Assert.False(await check.Visits.AnyAsync(v => v.PersonId == 5000 + poisoned));
    }
}
