using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Common;

/// <summary>
/// One page of a line list, newest first, continued by key rather than by offset: page 2,000 of a list of 200,000 costs
/// what page 1 costs, and rows added meanwhile do not shift what comes next. The count stops at
/// <see cref="Keyset.CountCap"/> ("10,000+") so a broad filter never pays for counting a whole table.
/// </summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, long? Next, long Count, bool CountCapped);

public static class Keyset
{
    public const int CountCap = 10_000;
    public const int MaxSize = 500;

    public static int Size(int? size) => size is null or < 1 ? 50 : Math.Min(size.Value, MaxSize);

    /// <summary>Rows whose key is below <paramref name="after"/> (all when null), highest key first.</summary>
    public static IQueryable<T> After<T>(IQueryable<T> rows, Expression<Func<T, long>> key, long? after)
    {
        if (after is not { } a) return rows.OrderByDescending(key);
        // A field of a closure object, not a constant: the store sees a parameter, so every page shares one query plan.
        var bound = Expression.Field(Expression.Constant(new Bound(a)), nameof(Bound.Value));
        var below = Expression.Lambda<Func<T, bool>>(Expression.LessThan(key.Body, bound), key.Parameters);
        return rows.Where(below).OrderByDescending(key);
    }

    private sealed class Bound(long value)
    {
        public readonly long Value = value;
    }

    public static async Task<KeysetPage<T>> PageAsync<T>(IQueryable<T> rows, Expression<Func<T, long>> key, long? after, int? size, CancellationToken ct)
    {
        if (after is <= 0) throw new InputException("after", Messages.Get("Common.BadPageKey"));
        var s = Size(size);
        var count = await rows.Take(CountCap + 1).LongCountAsync(ct);
        var items = await After(rows, key, after).Take(s + 1).ToListAsync(ct);
        long? next = null;
        if (items.Count > s)
        {
            items.RemoveAt(s);
            next = key.Compile()(items[^1]);
        }
        return new KeysetPage<T>(items, next, Math.Min(count, CountCap), count > CountCap);
    }
}
