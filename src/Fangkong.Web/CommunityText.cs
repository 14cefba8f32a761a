namespace Fangkong.Web;

/// <summary>Marker for the community pages' strings (Resources/CommunityText.resx: Chinese; .en.resx: English).</summary>
public sealed class CommunityText;
