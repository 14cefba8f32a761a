using Fangkong.Core.Common;
using Fangkong.Domain.Supplies;

namespace Fangkong.Core.Supplies;

/// <summary>Words for an order's state and the export's columns, from the feature's catalogue (ADR 0020).</summary>
internal static class SupplyWords
{
    private const string StatePrefix = "Supplies.State.";
    private const string ColumnPrefix = "Supplies.Column.";

    public static string State(OrderState state) => Messages.Get(StatePrefix + state);

    public static string Column(string name) => Messages.Get(ColumnPrefix + name);
}
