namespace Fangkong.Web;

/// <summary>Marker for the quarantine officers' pages' strings (Resources/QuarantineText.resx: Chinese; .en.resx: English).</summary>
public sealed class QuarantineText;
