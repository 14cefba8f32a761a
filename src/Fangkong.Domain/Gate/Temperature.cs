namespace Fangkong.Domain.Gate;

public enum TemperatureReading { Normal, Fever, Implausible }

public static class Temperature
{
    /// <summary>Classifies a body temperature reading under the given policy (domain.md §2).</summary>
    public static TemperatureReading Classify(decimal celsius, GatePolicy policy)
    {
        if (celsius < policy.MinPlausibleCelsius || celsius > policy.MaxPlausibleCelsius) return TemperatureReading.Implausible;
        return celsius >= policy.FeverCelsius ? TemperatureReading.Fever : TemperatureReading.Normal;
    }
}
