namespace Fangkong.Web;

/// <summary>Marker for the hospital pages' strings (Resources/HospitalsText.resx: Chinese; .en.resx: English).</summary>
public sealed class HospitalsText;
