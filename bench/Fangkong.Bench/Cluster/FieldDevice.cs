using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Fangkong.Bench.Cluster;

/// <summary>One gate device as the field has it: signed in through HAProxy, sending each request with its own key and
/// sending the same request again, with the same key, until it is answered (ADR 0004's retry contract).</summary>
internal sealed class FieldDevice(string userName, HttpClient client)
{
    public string UserName { get; } = userName;
    public HttpClient Client { get; } = client;

    /// <summary>The instance HAProxy pinned this device to (its FKSRV cookie), for the report.</summary>
    public string Instance => Cookies.GetCookies(Client.BaseAddress!).FirstOrDefault(c => c.Name == "FKSRV")?.Value ?? "?";
    private CookieContainer Cookies { get; init; } = new();

    public static async Task<FieldDevice> SignInAsync(string url, string userName, string password, TimeSpan patience)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = cookies, PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        var until = Stopwatch.GetTimestamp() + (long)(patience.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                var r = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
                if (r.IsSuccessStatusCode) return new FieldDevice(userName, client) { Cookies = cookies };
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (Stopwatch.GetTimestamp() > until) throw new InvalidOperationException($"{userName} could not sign in through {url}");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Sends one check-in or check-out and retries it with the same key until it is answered 200 or <paramref name="giveUpAt"/>
    /// passes. Null when it never was (not acknowledged: the device still holds it).
    /// </summary>
    public async Task<GateReply?> SendAsync(string path, string key, string idNumber, long giveUpAt, Action failed)
    {
        while (true)
        {
            try
            {
                using var r = await Client.PostAsJsonAsync(path, new { idempotencyKey = key, idNumber, temperature = 36.5m });
                if (r.StatusCode == HttpStatusCode.OK)
                {
                    using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
                    var root = doc.RootElement;
                    return new GateReply(root.GetProperty("outcome").GetString() ?? "", root.GetProperty("replayed").GetBoolean(), Stopwatch.GetTimestamp());
                }
                // A refusal of the request itself is no outage: sending it again cannot help, and the proof has failed.
                if ((int)r.StatusCode is >= 400 and < 500 and not 408 and not 429)
                {
                    Console.WriteLine($"{UserName}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
                    return null;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            failed();
            if (Stopwatch.GetTimestamp() > giveUpAt) return null;
            await Task.Delay(100);
        }
    }
}

internal sealed record GateReply(string Outcome, bool Replayed, long At);
