namespace Fangkong.Web;

/// <summary>Marker for the citizens' request pages' strings (Resources/RequestsText.resx: Chinese; .en.resx: English).</summary>
public sealed class RequestsText;
