namespace Fangkong.Web;

/// <summary>Marker for the checkpoint pages' strings (Resources/CheckpointsText.resx: Chinese; .en.resx: English).</summary>
public sealed class CheckpointsText;
