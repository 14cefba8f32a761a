using Microsoft.AspNetCore.Components;

namespace Fangkong.Web.Components.Shared;

/// <summary>
/// The base of every page (Components/Pages/_Imports.razor). A statically rendered page is sent once, when it has loaded;
/// but Blazor also renders it in between, as soon as OnInitializedAsync first waits, with its data still null. Over SQLite
/// the waits finish at once and that render never happens; over PostgreSQL they do not, and markup written for loaded
/// data ("sites!.Items") threw — a 500 on PostgreSQL only. Here a static page runs its lifecycle to the end and renders
/// once. Interactive pages keep the framework's lifecycle: they show their in-between renders.
/// </summary>
public abstract class SsrPage : ComponentBase
{
    private bool _initialized;

    public override async Task SetParametersAsync(ParameterView parameters)
    {
        if (RendererInfo.IsInteractive)
        {
            await base.SetParametersAsync(parameters);
            return;
        }
        parameters.SetParameterProperties(this);
        if (!_initialized)
        {
            _initialized = true;
            OnInitialized();
            await OnInitializedAsync();
        }
        OnParametersSet();
        await OnParametersSetAsync();
        StateHasChanged();
    }
}
