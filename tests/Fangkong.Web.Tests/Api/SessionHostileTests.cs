using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Fangkong.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OtpNet;

namespace Fangkong.Web.Tests.Api;

public sealed class SessionHostileTestsSqlite(SessionHostileTests.SqliteHost host) : SessionHostileTests(host), IClassFixture<SessionHostileTests.SqliteHost>;
public sealed class SessionHostileTestsPostgres(SessionHostileTests.PostgresHost host) : SessionHostileTests(host), IClassFixture<SessionHostileTests.PostgresHost>;

/// <summary>
/// Hostile sessions (issue 18's hostile-input suite, ADR 0023 and 0028): forged, tampered, foreign and expired cookies, a
/// replayed TOTP code, a replayed idempotency key with another body, the cookie of an account disabled or changed since,
/// sign-in and sign-out posted from another site, a district administrator reaching beyond their area — each refused
/// with 401, 403, 404 or 422, never 500, nothing written. One host per store for the whole class: each case uses
/// accounts of its own, so none depends on another's order.
/// </summary>
public abstract class SessionHostileTests(SessionHostileTests.SessionHost app)
{
    public sealed class SqliteHost() : SessionHost(StorageProvider.Sqlite);
    public sealed class PostgresHost() : SessionHost(StorageProvider.Postgres);

    /// <summary>
    /// The two districts' scenario with the second factor on, as in production: every account has an authenticator, and
    /// signing in gives its code (the clock moves on half a minute first, so no sign-in replays another's code).
    /// </summary>
    public abstract class SessionHost(StorageProvider provider) : IAsyncLifetime
    {
        public const string Secret = "JBSWY3DPEHPK3PXP";
        /// <summary>Accounts each case may spoil: disabled, changed, signed in twice, administered.</summary>
        public const long Disabled = 60, Changed = 61, TotpUser = 62, StaffX = 63, StaffY = 64, Elsewhere = 65;
        public ApiHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await ApiHost.StartAsync(provider, s => s.TwoDistricts = true, b => b.UseSetting("Policy:Accounts:RequireTotp", "true"));
            var protector = Host.Services.GetRequiredService<ISecretProtector>();
            await using var db = Host.Db();
            var hash = (await db.Users.FirstAsync()).PasswordHash;
            db.Users.AddRange(
                Staff(Disabled, "victim-disabled", Roles.Epidemiologist, JurisdictionLevel.District, 220402),
                Staff(Changed, "victim-changed", Roles.Epidemiologist, JurisdictionLevel.District, 220402),
                Staff(TotpUser, "victim-totp", Roles.Epidemiologist, null, null),
                Staff(StaffX, "staff-x", Roles.Sampler, JurisdictionLevel.District, 220402),
                Staff(StaffY, "staff-y", Roles.Sampler, JurisdictionLevel.District, 220403),
                Staff(Elsewhere, "victim-elsewhere", Roles.Epidemiologist, null, null));
            await db.SaveChangesAsync();
            foreach (var u in await db.Users.ToListAsync()) u.TotpSecret = protector.Protect(Secret);
            await db.SaveChangesAsync();

            User Staff(long id, string name, string role, JurisdictionLevel? level, long? area) => new()
            {
                Id = id,
                UserName = name,
                DisplayName = name,
                PasswordHash = hash,
                Role = role,
                JurisdictionLevel = level,
                JurisdictionId = area,
            };
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    private ApiHost Host => app.Host;

    private string Code() => new Totp(Base32Encoding.ToBytes(SessionHost.Secret)).ComputeTotp(Host.Time.GetUtcNow().UtcDateTime);

    /// <summary>Signs in with password and code; answers the client (cookies kept) and the cookie's value.</summary>
    private async Task<(HttpClient Client, string Cookie)> SignInAsync(string userName)
    {
        Host.Time.Advance(TimeSpan.FromSeconds(31));
        var client = Host.Anonymous();
        var r = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Scenario.Password, code = Code() });
        Assert.True(r.IsSuccessStatusCode, $"{userName}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        var cookie = r.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("fangkong=", StringComparison.Ordinal));
        return (client, cookie["fangkong=".Length..]);
    }

    /// <summary>A request carrying only <paramref name="cookie"/> as the session cookie.</summary>
    private async Task<HttpStatusCode> WithCookieAsync(string cookie, string url = "/api/cases")
    {
        var client = Host.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", "fangkong=" + cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    /// <summary>A cookie for <paramref name="userName"/> sealed by <paramref name="format"/>, valid until <paramref name="expires"/>.</summary>
    private async Task<string> ForgeAsync(string userName, ISecureDataFormat<AuthenticationTicket> format, DateTimeOffset expires)
    {
        await using var db = Host.Db();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var roles = await SignIns.RolesOfAsync(db, user, default);
        var principal = AuthSetup.Principal(user, roles);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(AccountStamps.Claim, AccountStamps.Of(user, roles)));
        var now = Host.Time.GetUtcNow();
        return format.Protect(new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = now.AddHours(-1), ExpiresUtc = expires },
            CookieAuthenticationDefaults.AuthenticationScheme));
    }

    private ISecureDataFormat<AuthenticationTicket> HostFormat =>
        Host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat;

    [Fact]
    public async Task Forged_tampered_foreign_and_expired_cookies_are_refused()
    {
        var now = Host.Time.GetUtcNow();
        // The control: a ticket sealed with the host's own key ring, unexpired, opens the door (so the refusals below can fail).
        Assert.Equal(HttpStatusCode.OK, await WithCookieAsync(await ForgeAsync("epi", HostFormat, now.AddHours(1))));
        // Another key ring (another deployment's, or an attacker's): the same ticket does not open.
        var foreign = new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector(
            "Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", CookieAuthenticationDefaults.AuthenticationScheme, "v2"));
        Assert.Equal(HttpStatusCode.Unauthorized, await WithCookieAsync(await ForgeAsync("epi", foreign, now.AddHours(1))));
        // Expired: sealed by the host itself, a minute past its end.
        Assert.Equal(HttpStatusCode.Unauthorized, await WithCookieAsync(await ForgeAsync("epi", HostFormat, now.AddMinutes(-1))));
        // A real session's cookie with one character of its payload changed.
        var (_, cookie) = await SignInAsync("epi");
        Assert.Equal(HttpStatusCode.OK, await WithCookieAsync(cookie));
        var i = cookie.Length / 2;
        var tampered = cookie[..i] + (cookie[i] == 'A' ? 'B' : 'A') + cookie[(i + 1)..];
        Assert.Equal(HttpStatusCode.Unauthorized, await WithCookieAsync(tampered));
        // Not a ticket at all.
        Assert.Equal(HttpStatusCode.Unauthorized, await WithCookieAsync("%27%20OR%201%3D1--"));
        // A ticket the host sealed for an account as it was before (no stamp: a cookie issued before stamps, or a made-up principal).
        var bare = HostFormat.Protect(new AuthenticationTicket(AuthSetup.Principal(new User { Id = 1, UserName = "admin", DisplayName = "x", PasswordHash = "", Role = Roles.Administrator }),
            new AuthenticationProperties { ExpiresUtc = now.AddHours(1) }, CookieAuthenticationDefaults.AuthenticationScheme));
        Assert.Equal(HttpStatusCode.Unauthorized, await WithCookieAsync(bare));
    }

    [Fact]
    public async Task A_disabled_accounts_cookie_stops_at_its_next_request()
    {
        var (victim, _) = await SignInAsync("victim-disabled");
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/api/cases")).StatusCode);
        var (admin, _) = await SignInAsync("admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/accounts/{SessionHost.Disabled}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.GetAsync("/api/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_change_made_on_another_instance_counts_within_the_stamp_cache()
    {
        var (victim, _) = await SignInAsync("victim-elsewhere");
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/api/cases")).StatusCode);
        // Written to the store as another instance would: this one forgets nothing, and trusts its stamp for at most StampCacheSeconds.
        await using (var db = Host.Db())
            await db.Users.Where(u => u.Id == SessionHost.Elsewhere).ExecuteUpdateAsync(s => s.SetProperty(u => u.Disabled, true));
        Host.Time.Advance(TimeSpan.FromSeconds(new AccountPolicy().StampCacheSeconds + 1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task A_role_taken_away_takes_effect_at_once()
    {
        var (victim, _) = await SignInAsync("victim-changed");
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/api/cases")).StatusCode);
        var (admin, _) = await SignInAsync("admin");
        var changed = await admin.PutAsJsonAsync($"/api/accounts/{SessionHost.Changed}", new { roles = new[] { Roles.Sampler } });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        // The cookie still names the epidemiologist's role; the account no longer holds it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await victim.GetAsync("/api/cases")).StatusCode);
        // Signing in again gives the account's roles as they are now.
        var (again, _) = await SignInAsync("victim-changed");
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task A_replayed_totp_code_is_refused()
    {
        Host.Time.Advance(TimeSpan.FromSeconds(31));
        var code = Code();
        var first = await Host.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "victim-totp", password = Scenario.Password, code });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var replay = await Host.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "victim-totp", password = Scenario.Password, code });
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("\"code\"", await replay.Content.ReadAsStringAsync());
        Assert.DoesNotContain(replay.Headers.TryGetValues("Set-Cookie", out var set) ? set : Enumerable.Empty<string>(), c => c.StartsWith("fangkong=", StringComparison.Ordinal) && !c.StartsWith("fangkong=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replayed_idempotency_key_with_another_body_is_refused_and_writes_nothing()
    {
        const string key = "hostile-key-0001";
        var at = Host.Time.GetUtcNow().UtcDateTime;
        await using (var db = Host.Db())
        {
            db.Appeals.Add(new Fangkong.Core.Appeals.Appeal
            {
                Id = 990001,
                PersonId = Host.Scenario.Alice.Id,
                SubmittedByUserId = 6,
                IdempotencyKey = key,
                Reason = "第一次提交的理由，写得足够长",
                Colour = Fangkong.Domain.Codes.CodeColour.Yellow,
                Rule = "manual",
                Evidence = "",
                Office = Fangkong.Core.Appeals.AppealOffice.District,
                DistrictCode = Scenario.DistrictX,
                SubmittedAtUtc = at,
                DueAtUtc = at.AddDays(2),
                State = Fangkong.Core.Appeals.AppealState.Open,
            });
            await db.SaveChangesAsync();
        }
        var (resident, _) = await SignInAsync("resident");
        var r = await resident.PostAsJsonAsync("/api/appeals/me", new { idempotencyKey = key, reason = "另一个完全不同的理由，也写得足够长" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, r.StatusCode);
        Assert.Contains("\"idempotencyKey\"", await r.Content.ReadAsStringAsync());
        await using var check = Host.Db();
        Assert.Equal(1, await check.Appeals.CountAsync(a => a.SubmittedByUserId == 6));
    }

    [Fact]
    public async Task Sign_in_and_sign_out_posted_from_another_site_are_refused()
    {
        var (client, _) = await SignInAsync("epi-x");
        async Task<HttpStatusCode> PostAsync(string url, string header, string value, object? body = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Add(header, value);
            return (await client.SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("/api/auth/logout", "Sec-Fetch-Site", "cross-site"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("/api/auth/logout", "Origin", "https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("/account/logout", "Sec-Fetch-Site", "same-site"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("/account/logout", "Origin", "null"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync("/api/auth/login", "Origin", "https://evil.example", new { userName = "admin", password = Scenario.Password }));
        // Still signed in after every refused sign-out; a same-origin sign-out ends the session.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, await PostAsync("/api/auth/logout", "Sec-Fetch-Site", "same-origin"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_district_administrator_administers_only_their_areas_accounts_and_grants_no_more()
    {
        var (adminX, _) = await SignInAsync("admin-x");
        var list = await adminX.GetStringAsync("/api/accounts?size=100");
        foreach (var inside in new[] { "epi-x", "staff-x", "grid", "officer", "victim-changed" }) Assert.Contains($"\"userName\":\"{inside}\"", list);
        foreach (var outside in new[] { "epi-y", "staff-y", "admin", "epi", "command" }) Assert.DoesNotContain($"\"userName\":\"{outside}\"", list);
        // Another district's account, and the city's, are not found.
        Assert.Equal(HttpStatusCode.NotFound, (await adminX.PutAsJsonAsync($"/api/accounts/{SessionHost.StaffY}", new { roles = new[] { Roles.Sampler } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminX.PostAsync("/api/accounts/1/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminX.PostAsync($"/api/accounts/{SessionHost.StaffY}/reset", null)).StatusCode);
        // An area outside theirs, or none (the whole city), is refused naming the field; the administrator's role is not theirs to grant.
        var outsideArea = await adminX.PutAsJsonAsync($"/api/accounts/{SessionHost.StaffX}", new { area = "district:220403" });
        Assert.True(outsideArea.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, outsideArea.StatusCode.ToString());
        Assert.Contains("\"area\"", await outsideArea.Content.ReadAsStringAsync());
        Assert.True((await adminX.PutAsJsonAsync($"/api/accounts/{SessionHost.StaffX}", new { area = "" })).StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.Forbidden, (await adminX.PutAsJsonAsync($"/api/accounts/{SessionHost.StaffX}", new { roles = new[] { Roles.Administrator } })).StatusCode);
        var created = await adminX.PostAsJsonAsync("/api/accounts", new { name = "刘洋", phone = "13900000077", idNumber = Fangkong.Domain.People.ResidentIdNumber.Compose("220403", new DateOnly(1990, 2, 3), 77), roles = new[] { Roles.Sampler }, area = "district:220403" });
        Assert.True(created.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, created.StatusCode.ToString());
        Assert.Contains("\"area\"", await created.Content.ReadAsStringAsync());
        await using (var db = Host.Db())
        {
            Assert.False(await db.Users.AnyAsync(u => u.DisplayName == "刘洋"));
            var staffX = await db.Users.SingleAsync(u => u.Id == SessionHost.StaffX);
            Assert.Equal(JurisdictionLevel.District, staffX.JurisdictionLevel);
            Assert.Equal((long?)220402, staffX.JurisdictionId);
            Assert.Equal(Roles.Sampler, staffX.Role);
        }
        // Within their area they administer: a community of their district.
        Assert.Equal(HttpStatusCode.NoContent, (await adminX.PutAsJsonAsync($"/api/accounts/{SessionHost.StaffX}", new { area = $"community:{Scenario.CommunityId}" })).StatusCode);
        // The city's administrator sees every account.
        var (admin, _) = await SignInAsync("admin");
        Assert.Contains("\"userName\":\"staff-y\"", await admin.GetStringAsync("/api/accounts?size=100"));
    }

    [Fact]
    public async Task An_interactive_circuit_reads_through_its_callers_area()
    {
        async Task<AreaReach?> OpenAsync(string userName)
        {
            await using var db = Host.Db();
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            var handler = new CircuitConfinement(new Signed(AuthSetup.Principal(user, await SignIns.RolesOfAsync(db, user, default))), db);
            await handler.OnCircuitOpenedAsync(null!, default);
            Assert.Equal(db.Area is null, await db.Persons.AnyAsync(p => p.Id == Scenario.DaveId));
            return db.Area;
        }
        Assert.Equal(Scenario.DistrictX, (await OpenAsync("epi-x"))?.DistrictCode);
        Assert.Null(await OpenAsync("epi"));
        // A place's staff have no list to confine (ADR 0028): their circuit reads as before.
        Assert.Null(await OpenAsync("gate"));
    }

    private sealed class Signed(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
