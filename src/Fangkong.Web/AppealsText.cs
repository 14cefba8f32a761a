namespace Fangkong.Web;

/// <summary>Marker for the appeal pages' strings (Resources/AppealsText.resx: Chinese; .en.resx: English).</summary>
public sealed class AppealsText;
