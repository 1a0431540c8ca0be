// Renders the appraisal and Monte Carlo pages' charts from the JSON they embed; the tables next to them carry the same
// figures. Each chart's accessible name is written from its data (ECharts' generated text read "NaN").
(() => {
    'use strict';
    const source = document.getElementById('appraisal-data');
    if (!source || typeof echarts === 'undefined') { return; }
    const data = JSON.parse(source.textContent);
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
    const compact = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', notation: 'compact', maximumFractionDigits: 1 });
    const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];
    const base = { animation: !reduceMotion, color: palette, aria: { enabled: false }, textStyle: { fontFamily: 'system-ui, sans-serif' } };
    const escapeHtml = window.TotalPlace.escapeHtml;
    const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
    const builders = {
        cumulative(el) {
            el.setAttribute('aria-label', `Cumulative discounted fiscal net by year: ${data.years.map((y, i) => `${y} ${compact.format(data.cumulative[i])}`).join('; ')}. ` +
                (data.payback ? `It turns positive in ${data.payback}.` : 'It does not turn positive within the appraisal period.'));
            return {
                grid: { left: 80, right: 24, top: 32, bottom: 24 },
                tooltip: { trigger: 'axis', valueFormatter: v => money.format(v) },
                xAxis: { type: 'category', data: data.years },
                yAxis: { type: 'value', axisLabel: { formatter: v => compact.format(v) } },
                series: [{
                    type: 'line', name: 'Cumulative discounted fiscal net', data: data.cumulative, symbolSize: 8, lineStyle: { width: 3 },
                    markLine: { symbol: 'none', silent: true, data: [{ yAxis: 0, lineStyle: { color: '#1b1b1b' }, label: { show: false } }]
                        .concat(data.payback ? [{ xAxis: data.payback, lineStyle: { color: '#D55E00', type: 'dashed' }, label: { formatter: 'payback ' + data.payback } }] : []) },
                }],
            };
        },
        agencies(el) {
            const rows = [...data.agencies].reverse();
            el.setAttribute('aria-label', `Who pays and who benefits, present values: ${data.agencies.map(a => `${a.name} pays ${compact.format(a.costs)}, benefits ${compact.format(a.benefits)}`).join('; ')}.`);
            return {
                legend: { top: 0 },
                grid: { left: 160, right: 24, top: 32, bottom: 24 },
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => money.format(v) },
                xAxis: { type: 'value', axisLabel: { formatter: v => compact.format(v) } },
                yAxis: { type: 'category', data: rows.map(r => r.name), axisLabel: { width: 150, overflow: 'truncate' } },
                series: [
                    { type: 'bar', name: 'PV costs (pays)', data: rows.map(r => r.costs) },
                    { type: 'bar', name: 'PV fiscal benefits (benefits)', data: rows.map(r => r.benefits) },
                ],
            };
        },
        tornado(el) {
            // Widest swing at the top, as a tornado is read; bars run from the base NPV to the NPV at each end.
            const bars = [...data.tornado].reverse();
            el.setAttribute('aria-label', `Tornado of fiscal NPV, base ${compact.format(data.baseNpv)}: ` +
                data.tornado.map(b => `${b.path} from ${compact.format(b.atLow)} to ${compact.format(b.atHigh)}`).join('; ') + '.');
            const low = bars.map(b => Math.min(b.atLow, b.atHigh) - data.baseNpv);
            const high = bars.map(b => Math.max(b.atLow, b.atHigh) - data.baseNpv);
            return {
                legend: { top: 0, data: ['Lower NPV', 'Higher NPV'] },
                grid: { left: 220, right: 32, top: 32, bottom: 32 },
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: ps => {
                    const b = bars[ps[0].dataIndex];
                    return `${escapeHtml(b.path)}<br>low input: ${money.format(b.atLow)}<br>high input: ${money.format(b.atHigh)}`;
                } },
                xAxis: { type: 'value', name: 'Fiscal NPV', nameLocation: 'middle', nameGap: 22, axisLabel: { formatter: v => compact.format(v + data.baseNpv) } },
                yAxis: { type: 'category', data: bars.map(b => b.path), axisLabel: { width: 210, overflow: 'truncate' } },
                series: [
                    { type: 'bar', name: 'Lower NPV', stack: 'swing', data: low, itemStyle: { color: '#D55E00' } },
                    { type: 'bar', name: 'Higher NPV', stack: 'swing2', barGap: '-100%', data: high, itemStyle: { color: '#0072B2' },
                        markLine: { symbol: 'none', silent: true, data: [{ xAxis: 0, lineStyle: { color: '#1b1b1b' }, label: { formatter: 'base ' + compact.format(data.baseNpv) } }] } },
                ],
            };
        },
        histogram(el) {
            const h = data.histogram;
            const centres = h.counts.map((_, i) => h.lower + (i + 0.5) * h.width);
            const bin = v => h.width === 0 ? 0 : Math.min(h.counts.length - 1, Math.max(0, Math.floor((v - h.lower) / h.width)));
            const marks = [['P10', data.p10], ['P50', data.p50], ['P90', data.p90]];
            el.setAttribute('aria-label', `Distribution of fiscal NPV over ${data.iterations.toLocaleString('en-GB')} draws: P10 ${compact.format(data.p10)}, ` +
                `P50 ${compact.format(data.p50)}, P90 ${compact.format(data.p90)}; chance NPV above zero ${percent.format(data.pPositive)}.`);
            return {
                title: { text: `Chance fiscal NPV > 0: ${percent.format(data.pPositive)}`, left: 'center', top: 0, textStyle: { fontSize: 14 } },
                grid: { left: 64, right: 24, top: 48, bottom: 48 },
                tooltip: { trigger: 'axis', formatter: ps => `${compact.format(h.lower + ps[0].dataIndex * h.width)} to ${compact.format(h.lower + (ps[0].dataIndex + 1) * h.width)}<br>${ps[0].value.toLocaleString('en-GB')} draws` },
                xAxis: { type: 'category', data: centres.map(c => compact.format(c)), name: 'Fiscal NPV', nameLocation: 'middle', nameGap: 30 },
                yAxis: { type: 'value', name: 'Draws' },
                series: [{
                    type: 'bar', barCategoryGap: '2%',
                    data: h.counts.map((c, i) => ({ value: c, itemStyle: { color: centres[i] > 0 ? '#0072B2' : '#D55E00' } })),
                    markLine: {
                        symbol: 'none', silent: true,
                        data: marks.map(([name, v]) => ({ xAxis: bin(v), lineStyle: { color: '#1b1b1b', type: name === 'P50' ? 'solid' : 'dashed' }, label: { formatter: `${name} ${compact.format(v)}` } }))
                            .concat(h.lower < 0 && h.lower + h.width * h.counts.length > 0 ? [{ xAxis: bin(0), lineStyle: { color: '#009E73', width: 2 }, label: { formatter: 'NPV 0', position: 'insideEndTop' } }] : []),
                    },
                }],
            };
        },
    };
    const charts = [];
    document.querySelectorAll('[data-appraisal-chart]').forEach(el => {
        const build = builders[el.dataset.appraisalChart];
        if (!build) { return; }
        const chart = echarts.init(el, null, { renderer: 'svg' });
        chart.setOption({ ...base, ...build(el) });
        charts.push(chart);
    });
    window.addEventListener('resize', () => charts.forEach(c => c.resize()));
    window.addEventListener('beforeprint', () => charts.forEach(c => c.resize()));
    document.body.dataset.chartsReady = String(charts.length);
})();
