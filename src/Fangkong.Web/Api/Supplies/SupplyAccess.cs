using Fangkong.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Fangkong.Web.Api.Supplies;

/// <summary>Who reaches which supplies endpoint (issue 20); each use case narrows further to the caller's household, supplier or area.</summary>
public static class SupplyAccess
{
    /// <summary>Orders a caller may read: the resident's household's, the supplier's, community staff's and officers' area's.</summary>
    public static readonly AuthorizationPolicy Orders = Roles_(Roles.Resident, Roles.Supplier, Roles.GridWorker, Roles.CommunityOfficer, Roles.Epidemiologist, Roles.Administrator);
    /// <summary>Placing an order: the resident for their own household, community staff on a household's behalf.</summary>
    public static readonly AuthorizationPolicy Place = Roles_(Roles.Resident, Roles.GridWorker, Roles.CommunityOfficer, Roles.Administrator);
    public static readonly AuthorizationPolicy Resident = Roles_(Roles.Resident);
    public static readonly AuthorizationPolicy Supplier = Roles_(Roles.Supplier);
    /// <summary>Suppliers' catalogues as a list: administrators and epidemiologists (all), a supplier (its own).</summary>
    public static readonly AuthorizationPolicy Catalogues = Roles_(Roles.Supplier, Roles.Epidemiologist, Roles.Administrator);
    /// <summary>Adding packs: administrators, and a supplier to its own catalogue.</summary>
    public static readonly AuthorizationPolicy Packs = Roles_(Roles.Supplier, Roles.Administrator);
    /// <summary>The delivery run, gates and doors: community staff and administrators; epidemiologists read the lists.</summary>
    public static readonly AuthorizationPolicy Delivery = Roles_(Roles.GridWorker, Roles.CommunityOfficer, Roles.Administrator);
    public static readonly AuthorizationPolicy Staff = Roles_(Roles.GridWorker, Roles.CommunityOfficer, Roles.Epidemiologist, Roles.Administrator);
    /// <summary>Cancelling or failing an order: its resident, its supplier, community staff.</summary>
    public static readonly AuthorizationPolicy Close = Roles_(Roles.Resident, Roles.Supplier, Roles.GridWorker, Roles.CommunityOfficer, Roles.Administrator);
    /// <summary>A bulk distribution to a zone: a district's officers.</summary>
    public static readonly AuthorizationPolicy District = Roles_(Roles.Epidemiologist, Roles.Administrator);
    public static readonly AuthorizationPolicy Admin = Roles_(Roles.Administrator);

    private static AuthorizationPolicy Roles_(params string[] roles) => new AuthorizationPolicyBuilder().RequireRole(roles).Build();
}
