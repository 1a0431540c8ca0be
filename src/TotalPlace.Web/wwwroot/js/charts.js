// Renders the dashboard's charts from the JSON the page embeds. Every chart has a data table beside or below it
// (the text alternative and the export source): the charts are decoration for sighted readers, not the only copy of the figures.
// Data-derived text reaches the page only through textContent or escapeHtml (tooltips are HTML).
(() => {
    'use strict';
    const source = document.getElementById('dashboard-data');
    if (!source || typeof echarts === 'undefined') { return; }
    const data = JSON.parse(source.textContent);
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
    const compact = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', notation: 'compact', maximumFractionDigits: 1 });
    const perHead = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
    const escapeHtml = window.TotalPlace.escapeHtml;
    // Okabe-Ito for series that are not themes (places in the comparison); themes carry their own colour from the server.
    const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#882255', '#44AA99', '#117733', '#332288', '#AA4499', '#DDCC77'];
    const hatch = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: 0.8 };
    // ECharts' own aria text reads "NaN" for these charts; each chart's label is written from its data instead.
    const base = { animation: !reduceMotion, color: palette, aria: { enabled: false }, textStyle: { fontFamily: 'system-ui, sans-serif' } };
    const largest = (rows, n = 5) => [...rows].sort((a, b) => b.value - a.value).slice(0, n).map(r => `${r.name} ${compact.format(r.value)}`).join('; ');
    const describe = (el, text) => el.setAttribute('aria-label', text);

    const builders = {
        bar(el) {
            const rows = [...data[el.dataset.source]].reverse();
            describe(el, `${el.dataset.title}: ${rows.length} bars, largest ${largest(rows)}. The table has every figure.`);
            return {
                grid: { left: 180, right: 24, top: 8, bottom: 24 },
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: ps => `${escapeHtml(ps[0].name)}<br>${money.format(ps[0].value)}` },
                xAxis: { type: 'value', axisLabel: { formatter: v => compact.format(v) } },
                yAxis: { type: 'category', data: rows.map(r => r.name), axisLabel: { width: 170, overflow: 'truncate' } },
                series: [{
                    type: 'bar',
                    data: rows.map(r => ({ value: r.value, itemStyle: { color: r.colour ?? palette[0], decal: r.unclassified ? hatch : undefined } })),
                }],
            };
        },
        treemap(el) {
            return treemap.option(el);
        },
        sankey(el) {
            describe(el, `Flow diagram: ${data.sankey.nodes.length} funding sources, agencies and themes joined by ${data.sankey.links.length} flows. The table below has the flows.`);
            return {
                tooltip: { trigger: 'item', formatter: p => p.dataType === 'edge' ? `${escapeHtml(p.data.source)} → ${escapeHtml(p.data.target)}<br>${money.format(p.data.value)}` : `${escapeHtml(p.name)}<br>${money.format(p.value)}` },
                series: [{
                    type: 'sankey', left: 8, right: 200, top: 8, bottom: 8, nodeAlign: 'justify', emphasis: { focus: 'adjacency' },
                    data: data.sankey.nodes.map(n => ({ name: n.name, depth: n.depth, itemStyle: data.themeColours[n.name] ? { color: data.themeColours[n.name] } : undefined })),
                    links: data.sankey.links.map(l => ({ source: l.source, target: l.target, value: l.value })),
                    lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.35 },
                    label: { color: '#1b1b1b' },
                }],
            };
        },
        trend(el) {
            describe(el, `Total by financial year: ${data.trend.map(p => `${p.year} ${compact.format(p.amount)}`).join('; ')}.`);
            return {
                grid: { left: 72, right: 24, top: 24, bottom: 24 },
                tooltip: { trigger: 'axis', valueFormatter: v => money.format(v) },
                xAxis: { type: 'category', data: data.trend.map(p => p.year) },
                yAxis: { type: 'value', axisLabel: { formatter: v => compact.format(v) } },
                series: [{ type: 'line', data: data.trend.map(p => p.amount), symbolSize: 8, lineStyle: { width: 3 }, label: { show: data.trend.length <= 8, position: 'top', formatter: p => compact.format(p.value) } }],
            };
        },
        compare(el) {
            const themes = [...data.compare.themes].reverse();
            describe(el, `Spend per resident by theme in ${data.compare.places.length} places: ${data.compare.places.map(p => p.name).join(', ')}. The table has every figure.`);
            return {
                legend: { top: 0, type: 'scroll' },
                grid: { left: 180, right: 24, top: 40, bottom: 24 },
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: ps => escapeHtml(ps[0].name) + ps.map(p => `<br>${escapeHtml(p.seriesName)}: ${p.value == null ? 'n/a' : perHead.format(p.value)}`).join('') },
                xAxis: { type: 'value', axisLabel: { formatter: v => perHead.format(v) } },
                yAxis: { type: 'category', data: themes, axisLabel: { width: 170, overflow: 'truncate' } },
                series: data.compare.places.map(p => ({ type: 'bar', name: p.name, data: [...p.values].reverse() })),
            };
        },
    };

    // The treemap shows one level at a time: themes, then one theme's agencies, then one agency's suppliers (fetched).
    // Clicking a box goes down, the breadcrumb goes back up; the level is in the address (drill-theme, drill-agency),
    // so a link or a reload opens the same view. Redrawing a level, rather than ECharts' zoom, keeps every box on screen.
    const treemap = {
        el: null, chart: null, theme: null, agency: null, suppliers: null,
        async restore(params) {
            if (!data.treemap) { return; }
            const key = params.get('drill-theme');
            this.theme = data.treemap.find(t => t.key === key) ?? null;
            this.agency = this.theme ? (this.theme.children.find(a => a.name === params.get('drill-agency')) ?? null) : null;
            this.suppliers = this.agency ? await this.fetchSuppliers() : null;
        },
        async fetchSuppliers() {
            const q = new URLSearchParams({ theme: this.theme.key, agency: this.agency.name });
            if (data.year) { q.set('year', data.year); }
            try {
                const r = await fetch(`/api/places/${encodeURIComponent(data.place)}/treemap/suppliers?${q}`, { headers: { accept: 'application/json' } });
                return r.ok ? (await r.json()).map(n => ({ name: n.name, value: n.value })) : [];
            } catch { return []; }
        },
        level() {
            if (this.agency) { return { depth: 2, nodes: this.suppliers ?? [], colour: this.theme.colour, title: `${this.agency.name} on ${this.theme.name}` }; }
            if (this.theme) { return { depth: 1, nodes: this.theme.children, colour: this.theme.colour, title: this.theme.name }; }
            return { depth: 0, nodes: data.treemap, colour: null, title: 'All themes' };
        },
        option(el) {
            const level = this.level();
            const total = level.nodes.reduce((s, n) => s + n.value, 0);
            // A box's side, roughly (squarified boxes are near square): its share of the chart's area, square-rooted.
            // Boxes big enough carry name and amount; smaller ones only a fainter, smaller name; the smallest none, so
            // labels never overlap or spill. The figures of every box stay in the tooltip and the table below.
            const area = Math.max(1, el.clientWidth * el.clientHeight);
            const side = n => total > 0 ? Math.sqrt(area * n.value / total) : 0;
            const labelFor = n => side(n) >= 90 ? { show: true }
                : side(n) >= 45 ? { show: true, formatter: p => p.name, fontSize: 10, color: 'rgba(27,27,27,0.7)' }
                : { show: false };
            describe(el, `Treemap of ${level.title}, ${compact.format(total)} in ${level.nodes.length} boxes; largest ${largest(level.nodes)}.` +
                (level.depth < 2 ? ' Choose a box to see what it is made of.' : '') + ' The table below has the figures.');
            el.dataset.depth = String(level.depth);
            return {
                tooltip: { formatter: p => `${escapeHtml(p.name)}<br>${money.format(p.value)}${total ? ` (${(100 * p.value / total).toFixed(1)}%)` : ''}` },
                series: [{
                    type: 'treemap', roam: false, nodeClick: false, breadcrumb: { show: false }, leafDepth: 1,
                    top: 4, left: 4, right: 4, bottom: 4, animationDurationUpdate: reduceMotion ? 0 : 300,
                    data: level.nodes.map((n, i) => ({
                        name: n.name, value: n.value,
                        label: labelFor(n),
                        itemStyle: {
                            color: n.colour ?? level.colour ?? palette[i % palette.length],
                            // Children of one theme share its colour and are told apart by lightness.
                            opacity: level.depth === 0 ? 1 : Math.max(0.45, 1 - i * 0.05),
                            decal: n.key === 'unclassified' ? hatch : undefined,
                            borderColor: '#fff', borderWidth: 2, gapWidth: 2,
                        },
                    })),
                    // Dark text with a white halo reads on every fill; a box too small for its label shows none rather than overlapping.
                    label: { show: true, formatter: p => `${p.name}\n${compact.format(p.value)}`, color: '#1b1b1b', textBorderColor: '#fff', textBorderWidth: 2, overflow: 'truncate', ellipsis: '…', minMargin: 2 },
                    visibleMin: 4,
                    childrenVisibleMin: 300,
                    upperLabel: { show: false },
                    levels: [{ label: { show: true } }, { label: { show: false } }],
                }],
            };
        },
        breadcrumb() {
            const nav = document.getElementById('treemap-breadcrumb');
            if (!nav) { return; }
            const list = nav.querySelector('ol');
            list.replaceChildren();
            const crumbs = [{ label: 'All themes', go: () => this.go(null, null) }];
            if (this.theme) { crumbs.push({ label: this.theme.name, go: () => this.go(this.theme, null) }); }
            if (this.agency) { crumbs.push({ label: this.agency.name, go: () => {} }); }
            crumbs.forEach((c, i) => {
                const item = document.createElement('li');
                if (i === crumbs.length - 1) {
                    const here = document.createElement('span');
                    here.textContent = c.label;
                    here.setAttribute('aria-current', 'location');
                    item.append(here);
                } else {
                    const button = document.createElement('button');
                    button.type = 'button';
                    button.className = 'link-button';
                    button.textContent = c.label;
                    button.addEventListener('click', c.go);
                    item.append(button);
                }
                list.append(item);
            });
        },
        async go(theme, agency) {
            this.theme = theme;
            this.agency = agency;
            this.suppliers = agency ? await this.fetchSuppliers() : null;
            this.render();
            permalink.update();
        },
        render() {
            this.chart.setOption({ ...base, ...this.option(this.el) }, { replaceMerge: ['series'] });
            this.breadcrumb();
            document.body.dataset.treemapDepth = this.el.dataset.depth;
        },
        attach(el, chart) {
            this.el = el;
            this.chart = chart;
            chart.on('click', p => {
                if (!this.theme) { const t = data.treemap.find(x => x.name === p.name); if (t) { this.go(t, null); } }
                else if (!this.agency) { const a = this.theme.children.find(x => x.name === p.name); if (a) { this.go(this.theme, a); } }
            });
            this.breadcrumb();
            document.body.dataset.treemapDepth = el.dataset.depth;
        },
        query() {
            return { 'drill-theme': this.theme?.key ?? null, 'drill-agency': this.agency?.name ?? null };
        },
    };

    // The address of this view (place, year and drill level) and an embed snippet of it.
    const permalink = {
        update() {
            const url = new URL(window.location.href);
            if (data.place) { url.searchParams.set('place', data.place); }
            if (data.year) { url.searchParams.set('year', data.year); }
            Object.entries(treemap.query()).forEach(([k, v]) => v ? url.searchParams.set(k, v) : url.searchParams.delete(k));
            url.searchParams.delete('embed');
            window.history.replaceState(null, '', url);
            const link = document.getElementById('permalink');
            if (link) { link.value = url.toString(); }
            const embed = document.getElementById('embed-snippet');
            if (embed) {
                const src = new URL(url);
                src.searchParams.set('embed', '1');
                embed.value = `<iframe src="${escapeHtml(src.toString())}" title="${escapeHtml(document.title)}" width="1000" height="800" style="border:0"></iframe>`;
            }
        },
    };
    document.querySelectorAll('[data-copy]').forEach(b => b.addEventListener('click', async () => {
        const field = document.getElementById(b.dataset.copy);
        field.select();
        try { await navigator.clipboard.writeText(field.value); b.textContent = 'Copied'; } catch { document.execCommand('copy'); }
    }));

    (async () => {
        await treemap.restore(new URLSearchParams(window.location.search));
        const charts = [];
        document.querySelectorAll('[data-chart]').forEach(el => {
            const build = builders[el.dataset.chart];
            if (!build) { return; }
            // SVG prints sharply and scales with the page; canvas would print blurred.
            const chart = echarts.init(el, null, { renderer: 'svg' });
            chart.setOption({ ...base, ...build(el) });
            if (el.dataset.chart === 'treemap') { treemap.attach(el, chart); }
            charts.push(chart);
        });
        permalink.update();
        window.addEventListener('resize', () => charts.forEach(c => c.resize()));
        window.addEventListener('beforeprint', () => charts.forEach(c => c.resize()));
        document.body.dataset.chartsReady = String(charts.length);
    })();
})();
