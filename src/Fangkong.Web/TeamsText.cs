namespace Fangkong.Web;

/// <summary>Marker for the team pages' strings (Resources/TeamsText.resx: Chinese; .en.resx: English).</summary>
public sealed class TeamsText;
