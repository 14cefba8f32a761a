namespace Fangkong.Domain.Checkpoints;

/// <summary>
/// The kinds of road checkpoint (domain.md §7; Dongliao county, spring 2022: county and township borders, villages,
/// motorway and province-entry inspection stations 留检站, and roadblocks nobody staffs). Stored numbers: only add.
/// </summary>
public enum CheckpointKind
{
    CountyBorder = 1,
    TownshipBorder = 2,
    Village = 3,
    /// <summary>A motorway or province-entry inspection station (留检站), where travellers can be held.</summary>
    InspectionStation = 4,
    /// <summary>A road closed by a barrier with no staff: it has no shifts and checks no vehicle.</summary>
    Roadblock = 5,
}

/// <summary>The vehicle that stopped.</summary>
public enum VehicleKind { Car = 1, Bus = 2, Truck = 3, Other = 4 }

/// <summary>How a passenger was identified: their ID card (number typed or read) or their health code scanned.</summary>
public enum CheckMethod { IdCard = 1, Code = 2 }

/// <summary>
/// What a checkpoint decides for a person and, the worst of its people's, for the vehicle; ordered from mild to severe.
/// </summary>
public enum CheckVerdict
{
    /// <summary>Through.</summary>
    Pass = 1,
    /// <summary>Through, and the traveller is registered with their community on arrival (a measure to follow, or a yellow code).</summary>
    PassWithRegistration = 2,
    /// <summary>Persuaded to turn back (劝返): bound elsewhere with a measure owed, or a code that cannot be read.</summary>
    TurnBack = 3,
    /// <summary>Taken to centralized isolation (or, with a fever, to a fever clinic) from the checkpoint.</summary>
    Isolate = 4,
}

/// <summary>Why a person got their verdict (several may hold; all are shown).</summary>
public enum CheckReason
{
    RedCode = 1,
    YellowCode = 2,
    Fever = 3,
    Remeasure = 4,
    CodeInvalid = 5,
    CentralizedIsolation = 6,
    HomeObservation = 7,
    Tests = 8,
    NotBoundForCity = 9,
}

/// <summary>The risk level of where a traveller stayed, as checkpoint staff enter it (from the traveller's word, itinerary card or pass).</summary>
public enum OriginRisk { None = 0, Low = 1, Medium = 2, High = 3 }
