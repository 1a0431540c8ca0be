// Renders the dashboard's charts from the JSON the page embeds. Each chart has a data table next to it
// (its text alternative), so the charts are decoration for sighted readers, not the only copy of the figures.
(() => {
    'use strict';
    const source = document.getElementById('dashboard-data');
    if (!source || typeof echarts === 'undefined') { return; }
    const data = JSON.parse(source.textContent);
    const escape = window.TotalPlace.escapeHtml;
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
    const compact = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', notation: 'compact', maximumFractionDigits: 1 });
    const perHead = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
    // Okabe-Ito, distinguishable with the common colour-vision deficiencies.
    const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999', '#882255', '#44AA99', '#117733', '#332288'];
    const base = { animation: !reduceMotion, color: palette, aria: { enabled: true }, textStyle: { fontFamily: 'system-ui, sans-serif' } };

    const builders = {
        bar(el) {
            const rows = [...data[el.dataset.source]].reverse();
            return {
                grid: { left: 180, right: 24, top: 8, bottom: 24 },
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => money.format(v) },
                xAxis: { type: 'value', axisLabel: { formatter: v => compact.format(v) } },
                yAxis: { type: 'category', data: rows.map(r => r.name), axisLabel: { width: 170, overflow: 'truncate' } },
                series: [{
                    type: 'bar',
                    data: rows.map(r => ({ value: r.value, itemStyle: r.unclassified ? { color: '#999999', decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: 0.8 } } : undefined })),
                    itemStyle: { color: palette[0] },
                }],
            };
        },
        treemap() {
            return {
                tooltip: { formatter: p => `${p.treePathInfo.slice(1).map(t => escape(t.name)).join(' › ')}<br>${money.format(p.value)}` },
                series: [{
                    type: 'treemap', roam: false, nodeClick: 'zoomToNode', breadcrumb: { show: true },
                    leafDepth: 2, data: data.treemap.map(t => ({ name: t.name, value: t.value, children: t.children.map(a => ({ name: a.name, value: a.value })) })),
                    levels: [
                        { itemStyle: { borderColor: '#fff', borderWidth: 3, gapWidth: 3 }, upperLabel: { show: true, height: 22, fontWeight: 'bold' } },
                        { colorSaturation: [0.35, 0.6], itemStyle: { borderColorSaturation: 0.7, gapWidth: 1, borderWidth: 1 } },
                    ],
                    // Dark text with a white halo reads on every fill colour.
                    label: { formatter: p => `${p.name}\n${compact.format(p.value)}`, color: '#1b1b1b', textBorderColor: '#fff', textBorderWidth: 2 },
                    upperLabel: { show: true, height: 22, formatter: p => `${p.name}  ${compact.format(p.value)}`, color: '#1b1b1b', textBorderColor: '#fff', textBorderWidth: 2 },
                }],
            };
        },
        sankey() {
            return {
                tooltip: { trigger: 'item', formatter: p => p.dataType === 'edge' ? `${escape(p.data.source)} → ${escape(p.data.target)}<br>${money.format(p.data.value)}` : `${escape(p.name)}<br>${money.format(p.value)}` },
                series: [{
                    type: 'sankey', left: 8, right: 200, top: 8, bottom: 8, nodeAlign: 'justify', emphasis: { focus: 'adjacency' },
                    data: data.sankey.nodes.map(n => ({ name: n.name, depth: n.depth })),
                    links: data.sankey.links.map(l => ({ source: l.source, target: l.target, value: l.value })),
                    lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.35 },
                    label: { color: '#1b1b1b' },
                }],
            };
        },
        trend() {
            return {
                grid: { left: 72, right: 24, top: 24, bottom: 24 },
                tooltip: { trigger: 'axis', valueFormatter: v => money.format(v) },
                xAxis: { type: 'category', data: data.trend.map(p => p.year) },
                yAxis: { type: 'value', axisLabel: { formatter: v => compact.format(v) } },
                series: [{ type: 'line', data: data.trend.map(p => p.amount), symbolSize: 8, lineStyle: { width: 3 }, label: { show: data.trend.length <= 8, position: 'top', formatter: p => compact.format(p.value) } }],
            };
        },
        compare() {
            const themes = [...data.compare.themes].reverse();
            return {
                legend: { top: 0, type: 'scroll' },
                grid: { left: 180, right: 24, top: 40, bottom: 24 },
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: v => v == null ? 'n/a' : perHead.format(v) },
                xAxis: { type: 'value', axisLabel: { formatter: v => perHead.format(v) } },
                yAxis: { type: 'category', data: themes, axisLabel: { width: 170, overflow: 'truncate' } },
                series: data.compare.places.map(p => ({ type: 'bar', name: p.name, data: [...p.values].reverse() })),
            };
        },
    };

    const charts = [];
    document.querySelectorAll('[data-chart]').forEach(el => {
        const build = builders[el.dataset.chart];
        if (!build) { return; }
        // SVG prints sharply and scales with the page; canvas would print blurred.
        const chart = echarts.init(el, null, { renderer: 'svg' });
        chart.setOption({ ...base, ...build(el) });
        charts.push(chart);
    });
    window.addEventListener('resize', () => charts.forEach(c => c.resize()));
    window.addEventListener('beforeprint', () => charts.forEach(c => c.resize()));
    document.body.dataset.chartsReady = String(charts.length);
})();
