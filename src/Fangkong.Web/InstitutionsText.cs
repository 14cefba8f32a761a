namespace Fangkong.Web;

/// <summary>Marker for the institution pages' strings (Resources/InstitutionsText.resx: Chinese; .en.resx: English).</summary>
public sealed class InstitutionsText;
