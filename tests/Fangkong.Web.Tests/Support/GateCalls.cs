using System.Net.Http.Json;
using System.Text.Json;

namespace Fangkong.Web.Tests.Support;

/// <summary>A gate device's calls, as the gate page makes them.</summary>
public static class GateCalls
{
    public static Task<HttpResponseMessage> CheckInAsync(this HttpClient c, string? idNumber, decimal? temperature, string? key = null, string? qr = null) =>
        c.PostAsJsonAsync("/api/gate/check-in", new { idempotencyKey = key ?? Guid.NewGuid().ToString("N"), idNumber, qr, temperature });

    public static Task<HttpResponseMessage> CheckOutAsync(this HttpClient c, string idNumber, string? key = null) =>
        c.PostAsJsonAsync("/api/gate/check-out", new { idempotencyKey = key ?? Guid.NewGuid().ToString("N"), idNumber });

    public static string[] Reasons(this JsonElement answer) =>
        answer.GetProperty("reasons").EnumerateArray().Select(x => x.GetString()!).ToArray();
}
