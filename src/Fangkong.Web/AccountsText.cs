namespace Fangkong.Web;

/// <summary>Marker for the account pages' strings (Resources/AccountsText.resx: Chinese; .en.resx: English).</summary>
public sealed class AccountsText;
