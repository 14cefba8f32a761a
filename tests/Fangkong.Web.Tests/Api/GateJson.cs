using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fangkong.Web.Tests.Api;

/// <summary>Reads API answers the way a client would: plain JSON, enums as strings.</summary>
public static class GateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage r) =>
        (await r.Content.ReadFromJsonAsync<JsonElement>(Options));

    public static Task<HttpResponseMessage> CheckInAsync(this HttpClient c, string? idNumber, decimal? temperature, string? key = null, string? qr = null) =>
        c.PostAsJsonAsync("/api/gate/check-in", new { idempotencyKey = key ?? Guid.NewGuid().ToString("N"), idNumber, qr, temperature });

    public static Task<HttpResponseMessage> CheckOutAsync(this HttpClient c, string idNumber, string? key = null) =>
        c.PostAsJsonAsync("/api/gate/check-out", new { idempotencyKey = key ?? Guid.NewGuid().ToString("N"), idNumber });

    public static string[] Reasons(this JsonElement answer) =>
        answer.GetProperty("reasons").EnumerateArray().Select(x => x.GetString()!).ToArray();

    /// <summary>The field names a ProblemDetails complains about.</summary>
    public static string[] ProblemFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var e) ? e.EnumerateObject().Select(p => p.Name).ToArray() : [];
}
