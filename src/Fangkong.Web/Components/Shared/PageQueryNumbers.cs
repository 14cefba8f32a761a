using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Fangkong.Core.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Fangkong.Web.Components.Shared;

/// <summary>
/// Pages bind typed query parameters ([SupplyParameterFromQuery] numbers, flags, dates) themselves, and Blazor throws —
/// a 500 — on a value it cannot parse. This checks them first, read from the page's own declarations so a new page is
/// covered too: <c>?page=abc</c> or <c>?job=2026-02-30</c> gets a 400 page naming the parameter, as bad input should.
/// </summary>
public static class PageQueryNumbers
{
    private static readonly ConcurrentDictionary<Type, (string Name, Type Type)[]> Typed = new();

    public static IApplicationBuilder UsePageQueryNumbers(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type is { } page)
        {
            foreach (var (name, type) in Typed.GetOrAdd(page, Declared))
            {
                if (!http.Request.Query.TryGetValue(name, out var values)) continue;
                foreach (var v in values) if (!string.IsNullOrEmpty(v)) Check(name, type, v);
            }
        }
        await next();
    });

    private static (string, Type)[] Declared(Type page) => page
        .GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
        .Select(p => (Property: p, Query: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
        .Where(x => x.Query is not null)
        .Select(x => (x.Query!.Name ?? x.Property.Name, Nullable.GetUnderlyingType(x.Property.PropertyType) ?? x.Property.PropertyType))
        .Where(x => x.Item2 != typeof(string))
        .ToArray();

    private static void Check(string name, Type type, string v)
    {
        var c = CultureInfo.InvariantCulture;
        if (type == typeof(int) || type == typeof(long))
        {
            if (type == typeof(int) ? !int.TryParse(v, NumberStyles.Integer, c, out _) : !long.TryParse(v, NumberStyles.Integer, c, out _))
                throw new InputException(name, HostText.Get("Query.WholeNumber", name));
        }
        else if (type == typeof(bool))
        {
            if (!bool.TryParse(v, out _)) throw new InputException(name, HostText.Get("Query.TrueOrFalse", name));
        }
        else if (type == typeof(DateOnly) || type == typeof(DateTime))
        {
            if (!DateTime.TryParse(v, c, DateTimeStyles.None, out var d))
                throw new InputException(name, HostText.Get("Query.Date", name));
            PlausibleDates.Check(d, name);
        }
        else if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            if (!decimal.TryParse(v, NumberStyles.Number, c, out _) && !double.TryParse(v, NumberStyles.Float, c, out _))
                throw new InputException(name, HostText.Get("Query.Number", name));
        }
        else if (type == typeof(Guid) && !Guid.TryParse(v, out _))
            throw new InputException(name, HostText.Get("Query.NotValid", name));
    }
}
