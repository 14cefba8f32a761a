namespace Fangkong.Web;

/// <summary>Marker for the zone pages' strings (Resources/ZonesText.resx: Chinese; .en.resx: English).</summary>
public sealed class ZonesText;
