using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Simulation;

/// <summary>
/// Clears what an outbreak leaves so another can run on the same city: cases, their beds and transfers (the hospitals
/// stay), contacts, quarantine, the zones set from
/// the cases, the testing behind them, the vehicles it drove through checkpoints and its passes. The city, its visits and accounts stay, and so do the append-only logs (trajectory reads, colour changes) but
/// for the simulation's own rows — told by its instance number in their time-ordered ids — which a new run would write
/// again with the same ids. Colours that are no longer green are re-derived from what is left, at the real time.
/// </summary>
internal static class OutbreakReset
{
    public static async Task ClearAsync(FangkongDb db, Codes.HealthCodeService codes, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.ZoneChanges.ExecuteDeleteAsync(ct);
        await db.ZoneCases.ExecuteDeleteAsync(ct);
        await db.ZoneHouseholds.ExecuteDeleteAsync(ct);
        await db.ZoneMembers.ExecuteDeleteAsync(ct);
        await db.Zones.ExecuteDeleteAsync(ct);
        // Returnees (issue 21): their stays go with the quarantine below; the simulation's registrations go with them.
        var simulated = db.Returnees.Where(r => r.Id / 8192 % 256 == OutbreakSimulation.Instance).Select(r => r.Id);
        await db.ReturneeFollowUps.Where(f => simulated.Contains(f.ReturneeId)).ExecuteDeleteAsync(ct);
        await db.Returnees.Where(r => r.Id / 8192 % 256 == OutbreakSimulation.Instance).ExecuteDeleteAsync(ct);
        await db.Returnees.Where(r => r.StayId != null).ExecuteUpdateAsync(u => u.SetProperty(r => r.StayId, (long?)null), ct);
        // Road checkpoints and passes (issue 21): the simulation's vehicles with their passengers, its passes and their uses.
        await db.PassengerChecks.Where(p => p.Id / 8192 % 256 == OutbreakSimulation.Instance).ExecuteDeleteAsync(ct);
        await db.VehicleChecks.Where(v => v.Id / 8192 % 256 == OutbreakSimulation.Instance).ExecuteDeleteAsync(ct);
        await db.PassUses.Where(u => u.Id / 8192 % 256 == OutbreakSimulation.Instance).ExecuteDeleteAsync(ct);
        await db.Passes.Where(p => p.Id / 8192 % 256 == OutbreakSimulation.Instance).ExecuteDeleteAsync(ct);
        await db.QuarantineCheckIns.ExecuteDeleteAsync(ct);
        await db.QuarantineTransfers.ExecuteDeleteAsync(ct);
        await db.QuarantineStays.ExecuteDeleteAsync(ct);
        await db.QuarantineRooms.ExecuteDeleteAsync(ct);
        await db.QuarantineSites.ExecuteDeleteAsync(ct);
        await db.InvestigationPlaces.ExecuteDeleteAsync(ct);
        await db.RiskWindows.ExecuteDeleteAsync(ct);
        await db.ContactProposals.ExecuteDeleteAsync(ct);
        await db.CaseTransfers.ExecuteDeleteAsync(ct);
        await db.CaseTransferBatches.ExecuteDeleteAsync(ct);
        await db.BedStays.ExecuteDeleteAsync(ct);
        await db.CaseEvents.ExecuteDeleteAsync(ct);
        await db.Cases.ExecuteDeleteAsync(ct);
        await db.Handovers.ExecuteDeleteAsync(ct);
        await db.Boxes.ExecuteDeleteAsync(ct);
        await db.Samples.ExecuteDeleteAsync(ct);
        await db.Tubes.ExecuteDeleteAsync(ct);
        await db.ResampleTasks.ExecuteDeleteAsync(ct);
        await db.DoorTasks.ExecuteDeleteAsync(ct);
        await db.RoundWaves.ExecuteDeleteAsync(ct);
        await db.SiteCompounds.ExecuteDeleteAsync(ct);
        await db.RoundResidents.ExecuteDeleteAsync(ct);
        await db.SamplingSites.ExecuteDeleteAsync(ct);
        await db.TestingRounds.ExecuteDeleteAsync(ct);
        await db.TestResults.ExecuteDeleteAsync(ct);
        await db.HealthCodeChanges.Where(a => a.Id / 8192 % 256 == OutbreakSimulation.Instance).ExecuteDeleteAsync(ct);
        await db.TraceAccesses.Where(a => a.Id / 8192 % 256 == OutbreakSimulation.Instance).ExecuteDeleteAsync(ct);
        var screenings = db.Screenings.Where(s => s.Id / 8192 % 256 == OutbreakSimulation.Instance).Select(s => s.Id);
        await db.ScreeningMembers.Where(m => screenings.Contains(m.ScreeningId)).ExecuteDeleteAsync(ct);
        await db.Screenings.Where(s => s.Id / 8192 % 256 == OutbreakSimulation.Instance).ExecuteDeleteAsync(ct);
        await db.CommunityProblems.Where(p => p.Id / 8192 % 256 == OutbreakSimulation.Instance).ExecuteDeleteAsync(ct);
        // The simulation's orders and calls (issue 20): a run again on the same days would mint the same ids.
        var orders = db.SupplyOrders.Where(o => o.Id / 8192 % 256 == OutbreakSimulation.Instance).Select(o => o.Id);
        await db.SupplyOrderLines.Where(l => orders.Contains(l.OrderId)).ExecuteDeleteAsync(ct);
        await db.SupplyProofPhotos.Where(p => orders.Contains(p.OrderId)).ExecuteDeleteAsync(ct);
        await db.SupplyOrders.Where(o => o.Id / 8192 % 256 == OutbreakSimulation.Instance).ExecuteDeleteAsync(ct);
        await db.SupplyDistributions.Where(d => d.Id / 8192 % 256 == OutbreakSimulation.Instance).ExecuteDeleteAsync(ct);
        var tickets = db.Tickets.Where(t => t.Id / 8192 % 256 == OutbreakSimulation.Instance).Select(t => t.Id);
        await db.TicketEvents.Where(e => e.Id / 8192 % 256 == OutbreakSimulation.Instance || tickets.Contains(e.TicketId)).ExecuteDeleteAsync(ct);
        await db.Tickets.Where(t => t.Id / 8192 % 256 == OutbreakSimulation.Instance).ExecuteDeleteAsync(ct);
        var coloured = await db.HealthCodes.Where(h => h.Colour != Domain.Codes.CodeColour.Green).Select(h => h.PersonId).ToListAsync(ct);
        await codes.RecomputeManyAsync(db, coloured, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
