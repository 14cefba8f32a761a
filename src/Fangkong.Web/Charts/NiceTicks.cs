namespace Fangkong.Web.Charts;

/// <summary>A count axis from 0 to <see cref="Max"/> in steps of <see cref="Step"/>.</summary>
public sealed record CountAxis(int Max, int Step)
{
    public IEnumerable<int> Ticks()
    {
        for (var v = 0; v <= Max; v += Step) yield return v;
    }
}

/// <summary>
/// Axis ticks at round numbers (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990): a step of 1, 2 or 5 ×
/// a power of ten and an axis maximum that is a whole number of steps, so gridlines read 0, 10, 20 … never 12, 25, 37.
/// Counts only: the step is at least 1.
/// </summary>
public static class NiceTicks
{
    /// <param name="max">The largest value the axis must reach.</param>
    /// <param name="ticks">About how many ticks to draw, 0 included (at least 2).</param>
    public static CountAxis For(int max, int ticks = 5)
    {
        var top = Math.Max(1, max);
        var range = Nice(top, round: false);
        var step = Math.Max(1, (int)Nice(range / Math.Max(1, ticks - 1), round: true));
        return new CountAxis((int)Math.Ceiling((double)top / step) * step, step);
    }

    /// <summary>A 1, 2, 5 or 10 × 10ⁿ near <paramref name="x"/>: the nearest when rounding, else the next at or above it.</summary>
    private static double Nice(double x, bool round)
    {
        var exponent = Math.Floor(Math.Log10(x));
        var power = Math.Pow(10, exponent);
        var fraction = x / power;
        double nice = round
            ? fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
            : fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
