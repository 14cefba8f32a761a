using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fangkong.Core.Common;
using Microsoft.AspNetCore.Http.Metadata;

namespace Fangkong.Web.Api;

/// <summary>
/// One check for every value an API endpoint binds — JSON bodies (nested records and lists included), query and route
/// parameters, [AsParameters] filters: text carries no control characters (<see cref="ControlCharacters"/>) and dates
/// are plausible (<see cref="PlausibleDates"/>). A refusal is a 400 naming the field as the caller wrote it
/// ("deviceTime", "rooms[2].name"). The walk is planned once per endpoint from the handler's parameter types, so an
/// endpoint added later is covered without a line of its own, and one with nothing to check costs nothing.
/// </summary>
public static class RequestGuard
{
    private delegate void Check(object? value, string field);

    private static readonly Dictionary<Type, Check?> Plans = [];
    private static readonly Lock PlanLock = new();

    public static TBuilder WithRequestGuard<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(Factory);

    private static EndpointFilterDelegate Factory(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var plan = new List<(int Index, string Field, Check Check)>();
        var parameters = context.MethodInfo.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            if (services?.IsService(p.ParameterType) == true || p.GetCustomAttributes().OfType<IFromServiceMetadata>().Any()) continue;
            if (PlanFor(p.ParameterType) is not { } check) continue;
            // A body's and an [AsParameters] filter's fields are named as the caller writes them: "deviceTime", not "body.deviceTime".
            plan.Add((i, IsRecord(p.ParameterType) ? "" : BoundName(p), check));
        }
        if (plan.Count == 0) return next;
        return invocation =>
        {
            foreach (var (index, field, check) in plan) check(invocation.Arguments[index], field);
            return next(invocation);
        };
    }

    private static Check? PlanFor(Type type)
    {
        lock (PlanLock) return Build(type, []);
    }

    private static Check? Build(Type type, HashSet<Type> building)
    {
        if (Plans.TryGetValue(type, out var known)) return known;
        var t = Nullable.GetUnderlyingType(type) ?? type;
        Check? check;
        if (t == typeof(string)) check = (v, f) => ControlCharacters.Check(v as string, f);
        else if (t == typeof(DateTime)) check = (v, f) => { if (v is DateTime d) PlausibleDates.Check(d, f); };
        else if (t == typeof(DateOnly)) check = (v, f) => { if (v is DateOnly d) PlausibleDates.Check(d, f); };
        else if (t == typeof(DateTimeOffset)) check = (v, f) => { if (v is DateTimeOffset d) PlausibleDates.Check(d, f); };
        else if (t == typeof(JsonElement)) check = (v, f) => { if (v is JsonElement e) Walk(e, f); };
        else if (ElementType(t) is { } element) check = Build(element, building) is { } each ? (v, f) => Each(v, f, each) : null;
        else if (IsRecord(t) && building.Add(t))
        {
            var fields = t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
                .Select(p => (Property: p, Name: FieldName(p), Check: Build(p.PropertyType, building)))
                .Where(x => x.Check is not null).ToArray();
            building.Remove(t);
            check = fields.Length == 0 ? null : (v, f) =>
            {
                if (v is null) return;
                foreach (var (property, name, inner) in fields) inner!(property.GetValue(v), f.Length == 0 ? name : f + "." + name);
            };
        }
        else check = null;
        if (!building.Contains(t)) Plans[type] = check;
        return check;
    }

    private static void Each(object? value, string field, Check each)
    {
        if (value is not IEnumerable items) return;
        var i = 0;
        foreach (var item in items) each(item, $"{field}[{i++}]");
    }

    /// <summary>Strings anywhere inside free-form JSON (an export's filter).</summary>
    private static void Walk(JsonElement e, string field)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                string? s;
                // An escaped half surrogate ("\ud800") cannot become a string at all.
                try { s = e.GetString(); } catch (InvalidOperationException) { s = "\uD800"; }
                ControlCharacters.Check(s, field);
                break;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Walk(p.Value, field + "." + p.Name);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var x in e.EnumerateArray()) Walk(x, $"{field}[{i++}]");
                break;
        }
    }

    private static Type? ElementType(Type t) =>
        t == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(t) ? null
        : t.IsArray ? t.GetElementType()
        : t.GetInterfaces().Append(t).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>The platform's own request types (bodies, filters); framework and service types are not walked.</summary>
    private static bool IsRecord(Type t) =>
        t.IsClass && t != typeof(string) && t.Namespace?.StartsWith("Fangkong.", StringComparison.Ordinal) == true && ElementType(t) is null;

    private static string BoundName(ParameterInfo p) =>
        p.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name
        ?? p.GetCustomAttributes().OfType<IFromRouteMetadata>().FirstOrDefault()?.Name
        ?? p.Name ?? "";

    private static string FieldName(PropertyInfo p) =>
        p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
        ?? p.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name
        ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name);
}
