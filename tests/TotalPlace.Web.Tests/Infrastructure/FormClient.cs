using System.Net;
using System.Text.RegularExpressions;

namespace TotalPlace.Web.Tests.Infrastructure;

/// <summary>An HTTP client that keeps cookies and reads the antiforgery token from a page, as a browser would.</summary>
public sealed partial class FormClient : IDisposable
{
    private readonly HttpClient _client;

    public FormClient(Uri baseAddress)
    {
        _client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };
    }

    public HttpClient Http => _client;

    /// <summary>The cookies the client holds, as a browser's cookie jar.</summary>
    public CookieContainer Cookies { get; } = new();

    /// <summary>Loads a page and returns its antiforgery token.</summary>
    public async Task<string> TokenFromAsync(string path, CancellationToken cancellationToken)
    {
        var html = await _client.GetStringAsync(path, cancellationToken);
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"{path} has no antiforgery token.");
    }

    /// <summary>Posts the upload form with a file.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string fileName, byte[] content, CancellationToken cancellationToken, bool withToken = true)
    {
        var token = await TokenFromAsync("/Import", cancellationToken);
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        form.Add(new StringContent(WebAppFixture.PlaceCode), "Place");
        form.Add(new StringContent(WebAppFixture.Agency), "Agency");
        form.Add(new StringContent("LocalAuthority"), "Kind");
        form.Add(new ByteArrayContent(content), "Upload", fileName);
        return await _client.PostAsync("/Import", form, cancellationToken);
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
