namespace Fangkong.Web;

/// <summary>Marker for the command center's strings (Resources/CommandText.resx: Chinese; .en.resx: English).</summary>
public sealed class CommandText;
