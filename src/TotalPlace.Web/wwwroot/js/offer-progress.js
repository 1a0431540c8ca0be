// Each outcome's trajectory on the offer page: the straight line from baseline to target (the RAG rule's expected
// progress) and the actuals recorded. The progress table beside them has every figure.
(() => {
    'use strict';
    const source = document.getElementById('offer-progress');
    if (!source || typeof echarts === 'undefined') { return; }
    const outcomes = JSON.parse(source.textContent);
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
    const ragColour = { Green: '#009E73', Amber: '#E69F00', Red: '#D55E00', NotMeasured: '#999999' };
    const escapeHtml = window.TotalPlace.escapeHtml;
    const charts = [];
    document.querySelectorAll('[data-trajectory]').forEach(el => {
        const o = outcomes[Number(el.dataset.trajectory)];
        if (!o) { return; }
        const line = o.baseline && o.target ? [[o.baseline.date, o.baseline.value], [o.target.date, o.target.value]] : [];
        const latest = o.actuals[o.actuals.length - 1];
        el.setAttribute('aria-label', `${o.name} (${o.unit}): ` +
            (o.baseline ? `baseline ${number.format(o.baseline.value)} on ${o.baseline.date}, ` : '') +
            (o.target ? `target ${number.format(o.target.value)} by ${o.target.date}; ` : '') +
            (latest ? `latest actual ${number.format(latest.value)} on ${latest.date}` : 'no actual recorded yet') + `; status ${o.rag.replace('NotMeasured', 'not measured')}.`);
        const chart = echarts.init(el, null, { renderer: 'svg' });
        chart.setOption({
            animation: !reduceMotion, aria: { enabled: false }, textStyle: { fontFamily: 'system-ui, sans-serif' },
            grid: { left: 56, right: 16, top: 16, bottom: 32 },
            tooltip: { trigger: 'item', formatter: p => `${escapeHtml(p.seriesName)}<br>${escapeHtml(p.value[0])}: ${number.format(p.value[1])} ${escapeHtml(o.unit)}` },
            xAxis: { type: 'time' },
            yAxis: { type: 'value', scale: true, axisLabel: { formatter: v => number.format(v) } },
            series: [
                { type: 'line', name: 'Trajectory', data: line, symbol: 'circle', lineStyle: { type: 'dashed', color: '#505050' }, itemStyle: { color: '#505050' } },
                { type: 'line', name: 'Actual', data: o.actuals.map(a => [a.date, a.value]), symbolSize: 9, lineStyle: { color: ragColour[o.rag] }, itemStyle: { color: ragColour[o.rag] } },
            ],
        });
        charts.push(chart);
    });
    window.addEventListener('resize', () => charts.forEach(c => c.resize()));
    document.body.dataset.chartsReady = String(charts.length);
})();
