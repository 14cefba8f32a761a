namespace Fangkong.Core.Accounts;

/// <summary>
/// The levels an account's area can be set at, largest first. Grid workers work at <see cref="Grid"/> and community
/// officers at <see cref="Community"/> (issue 16); the other levels are named now so that one column can hold every
/// account's area when jurisdictions are enforced for every role (issue 18).
/// </summary>
public enum JurisdictionLevel
{
    City = 1,
    District = 2,
    Street = 3,
    Community = 4,
    Grid = 5,
}
