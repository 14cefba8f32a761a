using System.Net;

namespace Fangkong.Web.Tests.Support;

/// <summary>A client switched to English as a reader switches (the language cookie): pages and the API answer in it from then on.</summary>
public static class ReaderLanguage
{
    public static async Task ReadInEnglishAsync(this HttpClient client) =>
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/culture?c=en")).StatusCode);
}
