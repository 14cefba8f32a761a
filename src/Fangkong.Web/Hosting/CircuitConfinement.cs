using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Fangkong.Web.Hosting;

/// <summary>
/// Confines an interactive circuit's store context to the caller's area when the circuit opens, before any of its
/// components renders (ADR 0028). A circuit has a service scope of its own, outside the HTTP request that
/// <see cref="AreaConfinement"/> confines: without this its pages would read the whole city. Components whose timers
/// read on contexts of their own take the area from this one (<c>Db.Area</c>, see <see cref="AreaContexts"/>).
/// </summary>
public sealed class CircuitConfinement(AuthenticationStateProvider auth, FangkongDb db) : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await auth.GetAuthenticationStateAsync()).User;
        if (AreaConfinement.Confines(user)) await Jurisdictions.ConfineAsync(db, user.UserId(), cancellationToken);
    }
}
