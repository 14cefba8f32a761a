namespace Fangkong.Web;

/// <summary>Marker for the pass pages' strings (Resources/PassesText.resx: Chinese; .en.resx: English).</summary>
public sealed class PassesText;
