namespace Fangkong.Web;

/// <summary>Marker for the supervision pages' strings (Resources/SupervisionText.resx: Chinese; .en.resx: English).</summary>
public sealed class SupervisionText;
