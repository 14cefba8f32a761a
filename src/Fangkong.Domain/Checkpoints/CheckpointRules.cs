using Fangkong.Domain.Gate;
using Fangkong.Domain.Travel;

namespace Fangkong.Domain.Checkpoints;

/// <summary>
/// What a checkpoint knows of one passenger: the gate's decision on their colour and temperature (null when no code was
/// read and the person is not in the city's registry), whether a scanned code was invalid, the traveller rule's
/// decision from where they stayed, and whether they are bound for the city or passing through.
/// </summary>
public sealed record PassengerFacts(GateDecision? Gate, bool CodeInvalid, TravellerDecision Travel, bool BoundForCity);

public sealed record PassengerDecision(CheckVerdict Verdict, IReadOnlyList<CheckReason> Reasons);

/// <summary>The vehicle's decision: the worst of its people's, and whether a freight pass sent it through the green lane.</summary>
public sealed record VehicleDecision(CheckVerdict Verdict, bool GreenLane);

/// <summary>
/// The checkpoint's rules (domain.md §2 and §7): the gate's colour and fever rules, then the traveller rule. A red code,
/// a fever or centralized isolation owed → isolate; a traveller passing through who owes any measure, or a code that
/// cannot be read → turn back; bound for the city with home observation or tests owed, or a yellow code → pass and
/// register; otherwise pass. A vehicle takes its worst person's verdict; freight with a valid pass and every person
/// through goes by the green lane.
/// </summary>
public static class CheckpointRules
{
    public static PassengerDecision Passenger(PassengerFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var reasons = new List<CheckReason>();
        var verdict = CheckVerdict.Pass;
        void Raise(CheckVerdict v, CheckReason r)
        {
            reasons.Add(r);
            if (v > verdict) verdict = v;
        }

        if (f.CodeInvalid) Raise(CheckVerdict.TurnBack, CheckReason.CodeInvalid);
        if (f.Gate is { } g)
        {
            foreach (var r in g.Reasons)
            {
                switch (r)
                {
                    case DenyReason.RedCode: Raise(CheckVerdict.Isolate, CheckReason.RedCode); break;
                    case DenyReason.Fever: Raise(CheckVerdict.Isolate, CheckReason.Fever); break;
                    case DenyReason.ImplausibleTemperature: Raise(CheckVerdict.TurnBack, CheckReason.Remeasure); break;
                    case DenyReason.YellowCode:
                        Raise(f.BoundForCity ? CheckVerdict.PassWithRegistration : CheckVerdict.TurnBack, CheckReason.YellowCode);
                        break;
                    default: break;
                }
            }
        }

        switch (f.Travel.Measure)
        {
            case TravellerMeasure.CentralizedIsolation:
                Raise(CheckVerdict.Isolate, CheckReason.CentralizedIsolation);
                break;
            case TravellerMeasure.HomeObservation:
                Raise(f.BoundForCity ? CheckVerdict.PassWithRegistration : CheckVerdict.TurnBack, CheckReason.HomeObservation);
                break;
            case TravellerMeasure.Tests:
                Raise(f.BoundForCity ? CheckVerdict.PassWithRegistration : CheckVerdict.TurnBack, CheckReason.Tests);
                break;
            default: break;
        }
        if (!f.BoundForCity && verdict == CheckVerdict.TurnBack) reasons.Add(CheckReason.NotBoundForCity);
        return new PassengerDecision(verdict, reasons);
    }

    /// <summary>The vehicle's verdict from its people's; <paramref name="validFreightPass"/> opens the green lane when all of them may pass.</summary>
    public static VehicleDecision Vehicle(IReadOnlyList<CheckVerdict> people, bool validFreightPass)
    {
        ArgumentNullException.ThrowIfNull(people);
        var worst = people.Count == 0 ? CheckVerdict.Pass : people.Max();
        var green = validFreightPass && worst == CheckVerdict.Pass;
        return new VehicleDecision(worst, green);
    }
}
