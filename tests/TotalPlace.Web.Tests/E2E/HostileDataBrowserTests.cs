using System.Text.Json;
using Microsoft.Playwright;
using TotalPlace.Web.Tests.Infrastructure;
using TotalPlace.Web.Tests.Security;

namespace TotalPlace.Web.Tests.E2E;

/// <summary>Stored cross-site scripting: every page, with every chart tooltip shown, over data whose every text field
/// is a script payload. A dialog, an element carrying the payloads' <c>data-xss</c> attribute, or a blocked inline
/// script (a content-security-policy violation) fails the test.</summary>
[Collection(HostileDataCollection.Name)]
[Trait("Issue", "15")]
public sealed class HostileDataBrowserTests(HostileDataAppFixture app)
{
    // Shows the tooltip of every data item and every edge of every chart, and after each one looks for injected
    // elements; returns the tooltip texts so the test can see the payloads went through as text.
    private const string ShowEveryTooltip = """
        () => {
            const found = [];
            const texts = [];
            const look = where => document.querySelectorAll('[data-xss]').forEach(e => found.push(where + ': <' + e.tagName.toLowerCase() + '>'));
            if (typeof echarts === 'undefined') { look('page'); return { found, texts }; }
            document.querySelectorAll('[data-chart], [data-appraisal-chart]').forEach(el => {
                const chart = echarts.getInstanceByDom(el);
                if (!chart) { return; }
                chart.getModel().getSeries().forEach(series => {
                    const items = series.getData().count();
                    for (let i = 0; i < items; i++) {
                        chart.dispatchAction({ type: 'showTip', seriesIndex: series.seriesIndex, dataIndex: i });
                        look(el.dataset.chart + ' item ' + i);
                        el.querySelectorAll('div').forEach(d => { if (d.innerText) { texts.push(d.innerText); } });
                    }
                    const edges = series.getGraph?.()?.edgeData?.count?.() ?? 0;
                    for (let i = 0; i < edges; i++) {
                        chart.dispatchAction({ type: 'showTip', seriesIndex: series.seriesIndex, dataIndex: i, dataType: 'edge' });
                        look(el.dataset.chart + ' edge ' + i);
                        el.querySelectorAll('div').forEach(d => { if (d.innerText) { texts.push(d.innerText); } });
                    }
                });
            });
            look('page');
            return { found, texts };
        }
        """;

    [Fact]
    public async Task EveryPage_DataFullOfScript_ShowsItAsTextAndRunsNothing()
    {
        var page = await app.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add($"{page.Url}: {dialog.Type} {dialog.Message}");
            await dialog.DismissAsync();
        };
        await page.AddInitScriptAsync("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + (e.sample || e.blockedURI)));");
        var injected = new List<string>();
        var tooltipTexts = new List<string>();
        var pagesShowingPayloads = 0;
        var query = $"?place={HostileDataAppFixture.PlaceCode}&id={app.HostileBatch.Id}&batch={app.HostileBatch.Id}&agency={Uri.EscapeDataString(HostileDataAppFixture.HostileAgency)}";

        var pages = AppSurface.Pages(app.Services).Where(p => !p.StartsWith("/Account/SignOut", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var path in pages)
        {
            await page.GotoAsync(path + query);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (await page.Locator("[data-chart], [data-appraisal-chart]").CountAsync() > 0)
            {
                await page.WaitForSelectorAsync("body[data-charts-ready]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
            }

            var result = await page.EvaluateAsync<JsonElement>(ShowEveryTooltip);
            injected.AddRange(result.GetProperty("found").EnumerateArray().Select(f => $"{path}: {f.GetString()}"));
            tooltipTexts.AddRange(result.GetProperty("texts").EnumerateArray().Select(t => t.GetString() ?? ""));
            var violations = await page.EvaluateAsync<string[]>("() => window.__violations");
            injected.AddRange(violations.Select(v => $"{path}: blocked {v}"));
            if ((await page.Locator("body").InnerTextAsync()).Contains(HostileDataAppFixture.Payloads[0], StringComparison.Ordinal))
            {
                pagesShowingPayloads++;
            }
        }

        Assert.Empty(dialogs);
        Assert.Empty(injected);
        // The payloads reached the pages and the tooltips as text, so the checks above saw them.
        Assert.True(pagesShowingPayloads >= 3, $"only {pagesShowingPayloads} of {pages.Count} pages showed the hostile agency as text");
        Assert.Contains(tooltipTexts, t => t.Contains(HostileDataAppFixture.HostileAgency, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
