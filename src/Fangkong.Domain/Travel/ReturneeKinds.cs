namespace Fangkong.Domain.Travel;

/// <summary>How a returnee travelled (the number or plate is recorded with it).</summary>
public enum TravelMode
{
    Car = 1,
    Train = 2,
    Plane = 3,
    Bus = 4,
    Other = 5,
}

/// <summary>Who registered a returnee: themselves on the phone, a road checkpoint's staff, or the community for them.</summary>
public enum ReturneeSource
{
    Phone = 1,
    Checkpoint = 2,
    Community = 3,
}

/// <summary>Where a returnee's measure stands.</summary>
public enum ReturneeState
{
    /// <summary>The rule ordered nothing (no risk area within the window).</summary>
    NoMeasure = 1,

    /// <summary>Under the measure: isolated, observed at home or owing tests.</summary>
    UnderMeasure = 2,

    /// <summary>The days ended and the tests were negative.</summary>
    Released = 3,

    /// <summary>Found positive: a case now, followed up as cases are.</summary>
    BecameCase = 4,
}
