// Renders the appraisal page's charts from the JSON it embeds; the tables next to them carry the same figures.
(() => {
    'use strict';
    const source = document.getElementById('appraisal-data');
    if (!source || typeof echarts === 'undefined') { return; }
    const data = JSON.parse(source.textContent);
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
    const compact = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', notation: 'compact', maximumFractionDigits: 1 });
    const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];
    const base = { animation: !reduceMotion, color: palette, aria: { enabled: true }, textStyle: { fontFamily: 'system-ui, sans-serif' } };
    const builders = {
        cumulative() {
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
        agencies() {
            const rows = [...data.agencies].reverse();
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
    };
    const charts = [];
    document.querySelectorAll('[data-appraisal-chart]').forEach(el => {
        const build = builders[el.dataset.appraisalChart];
        if (!build) { return; }
        const chart = echarts.init(el, null, { renderer: 'svg' });
        chart.setOption({ ...base, ...build() });
        charts.push(chart);
    });
    window.addEventListener('resize', () => charts.forEach(c => c.resize()));
    window.addEventListener('beforeprint', () => charts.forEach(c => c.resize()));
    document.body.dataset.chartsReady = String(charts.length);
})();
