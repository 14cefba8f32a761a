namespace Fangkong.Core.Seeding;

/// <summary>The store already holds persons; seeding again without Reset would mix two cities.</summary>
public sealed class CityAlreadySeededException()
    : InvalidOperationException("The database already has persons: seeding would mix two cities. Seed with Reset (--reset) to delete all rows first, or use an empty database.");
