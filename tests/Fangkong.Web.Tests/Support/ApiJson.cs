using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fangkong.Web.Tests.Support;

/// <summary>Reads API answers the way a client would: plain JSON, enums as strings.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage r) =>
        (await r.Content.ReadFromJsonAsync<JsonElement>(Options));

    /// <summary>The field names a ProblemDetails complains about.</summary>
    public static string[] ProblemFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var e) ? e.EnumerateObject().Select(p => p.Name).ToArray() : [];
}
