namespace Fangkong.Web;

/// <summary>Marker for the supplies pages' strings (Resources/SuppliesText.resx: Chinese; .en.resx: English).</summary>
public sealed class SuppliesText;
