namespace Fangkong.Web;

/// <summary>Marker for the returnee pages' strings (Resources/ReturneesText.resx: Chinese; .en.resx: English).</summary>
public sealed class ReturneesText;
