using System.Text.Json;

namespace Fangkong.Web.Tests.Api.Exports;

/// <summary>Waits for an export job through its status URL, as the exports page does.</summary>
internal static class ExportJobPoll
{
    public static async Task<JsonElement> WaitAsync(HttpClient client, string location)
    {
        // The worker is woken by the request; the poll only bounds a failure, it is not a timing assertion.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var job = await (await client.GetAsync(location)).JsonAsync();
            var state = job.GetProperty("state").GetString();
            if (state == "Done") return job;
            Assert.NotEqual("Failed", state);
            Assert.True(DateTime.UtcNow < deadline, $"export still {state}");
            await Task.Delay(100);
        }
    }
}
