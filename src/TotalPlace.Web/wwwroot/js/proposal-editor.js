// The proposal editor. The proposal file's JSON is the model: the form reads and writes it by path, fields the form
// does not show (the uncertainty list, local unit costs…) travel unchanged, and the server appraises it with the
// engine after every change (POST /api/proposals/appraise) — the page computes no figure itself. Unit costs are
// picked by searching the Unit Cost Database (GET /api/unit-costs). Every text reaches the page through value or
// textContent, never as HTML.
(() => {
    'use strict';
    const source = document.getElementById('proposal-json');
    const form = document.getElementById('proposal-editor');
    if (!source || !form) { return; }
    let proposal = JSON.parse(source.textContent);
    const place = form.dataset.place;

    const rate = { type: 'number', step: '0.01', min: '0', max: '1' };
    const top = [
        { path: 'name', label: 'Name', wide: true },
        { path: 'price_base', label: 'Price base (2015-16)' },
        { path: 'start_year', label: 'Start year (2025-26)' },
        { path: 'horizon_years', label: 'Years appraised', type: 'number', step: '1', min: '1' },
        { path: 'discount', label: 'Discounting', options: ['standard', 'health', 'sensitivity'] },
        { path: 'engagement', label: 'Share who engage (0–1)', ...rate },
    ];
    const lists = [
        { legend: 'Cohorts (referrals by year)', list: 'cohorts', item: 'cohort', fields: [
            { path: 'year', label: 'Year (0 = start)', type: 'number', step: '1', min: '0' },
            { path: 'referrals', label: 'Referrals', type: 'number', step: 'any', min: '0' },
        ] },
        { legend: 'Costs', list: 'costs', item: 'cost', fields: [
            { path: 'description', label: 'What', wide: true },
            { path: 'agency', label: 'Paid by' },
            { path: 'kind', label: 'Kind', options: ['revenue', 'capital', 'in-kind'] },
            { path: 'amount', label: 'Amount (£)', type: 'number', step: '0.01', min: '0' },
            { path: 'per', label: 'Per', options: ['fixed', 'referral', 'engaged'] },
            { path: 'year', label: 'Year (fixed costs)', type: 'number', step: '1', min: '0' },
            { path: 'price_year', label: 'Prices of (2015-16)' },
            { path: 'optimism_bias', label: 'Optimism bias (0–1)', ...rate },
        ] },
    ];
    const outcomeFields = [
        { path: 'name', label: 'Outcome', wide: true },
        { path: 'success', label: 'Success (0–1)', ...rate },
        { path: 'deadweight', label: 'Deadweight (0–1)', ...rate },
        { path: 'attribution', label: 'Attribution (0–1)', ...rate },
        { path: 'displacement', label: 'Displacement (0–1)', ...rate },
        { path: 'lag_years', label: 'Lag (years)', type: 'number', step: '1', min: '0' },
        { path: 'duration_years', label: 'Lasts (years)', type: 'number', step: '1', min: '1' },
        { path: 'drop_off', label: 'Drop-off a year (0–1)', ...rate },
    ];
    const valueFields = [
        { path: 'unit_cost', label: 'Unit cost (UCD code)' },
        { path: 'type', label: 'Benefit', options: ['fiscal', 'economic', 'social'] },
        { path: 'agency', label: 'Benefits (agency)' },
        { path: 'transfer', label: 'Transfer', type: 'bool' },
        { path: 'cashable', label: 'Cashable (0–1)', ...rate },
        { path: 'confidence', label: 'Confidence grade' },
        { path: 'optimism_bias', label: 'Optimism bias (0–1)', ...rate },
    ];

    const words = s => String(s).replace(/[-_]/g, ' ').replace(/^./, c => c.toUpperCase());
    const { get, set, idOf } = window.TotalPlace.paths;

    const input = (field, fullPath) => {
        const label = document.createElement('label');
        label.append(document.createTextNode(field.label + ' '));
        let control;
        const current = get(proposal, fullPath);
        if (field.options) {
            control = document.createElement('select');
            const options = current && !field.options.includes(current) ? [current, ...field.options] : field.options;
            options.forEach(o => { const opt = document.createElement('option'); opt.value = o; opt.textContent = words(o); control.append(opt); });
            control.value = current ?? field.options[0];
        } else if (field.type === 'bool') {
            control = document.createElement('select');
            [['false', 'No'], ['true', 'Yes']].forEach(([v, t]) => { const opt = document.createElement('option'); opt.value = v; opt.textContent = t; control.append(opt); });
            control.value = current === true ? 'true' : 'false';
        } else {
            control = document.createElement('input');
            control.type = field.type ?? 'text';
            ['step', 'min', 'max'].forEach(a => { if (field[a] !== undefined) { control[a] = field[a]; } });
            control.value = current == null ? '' : String(current);
        }
        if (field.wide) { control.size = 40; }
        control.id = idOf(fullPath);
        control.name = fullPath;
        const onChange = () => {
            const raw = control.value;
            let value = raw;
            if (field.type === 'number') { value = raw.trim() === '' ? undefined : Number(raw); }
            else if (field.type === 'bool') { value = raw === 'true'; }
            else if (raw === '') { value = undefined; }
            set(proposal, fullPath, value);
            // A value line takes optimism bias or a confidence grade, not both: the one typed replaces the other.
            const parent = fullPath.slice(0, fullPath.lastIndexOf('.'));
            if (value !== undefined && field.path === 'optimism_bias' && /values\.\d+$/.test(parent)) { set(proposal, parent + '.confidence', undefined); const c = document.getElementById(idOf(parent + '.confidence')); if (c) { c.value = ''; } }
            if (value !== undefined && field.path === 'confidence') { set(proposal, parent + '.optimism_bias', undefined); const c = document.getElementById(idOf(parent + '.optimism_bias')); if (c) { c.value = ''; } }
            scheduleAppraise();
        };
        control.addEventListener('input', onChange);
        control.addEventListener('change', onChange);
        label.append(control);
        return label;
    };

    const button = (text, id, onClick, secondary) => {
        const b = document.createElement('button');
        b.type = 'button';
        if (id) { b.id = id; }
        if (secondary) { b.className = 'secondary'; }
        b.textContent = text;
        b.addEventListener('click', onClick);
        return b;
    };

    const listSection = (container, section, base) => {
        const path = base ? `${base}.${section.list}` : section.list;
        const items = get(proposal, path) ?? [];
        items.forEach((_, i) => {
            const row = document.createElement('div');
            row.className = 'row';
            row.dataset.item = `${path}.${i}`;
            section.fields.forEach(f => row.append(input(f, `${path}.${i}.${f.path}`)));
            row.append(button(`Remove ${section.item} ${i + 1}`, null, () => { items.splice(i, 1); render(); scheduleAppraise(); }, true));
            container.append(row);
        });
        container.append(button(`Add ${section.item}`, 'add-' + path.replace(/\./g, '-'), () => {
            if (!get(proposal, path)) { set(proposal, path, []); }
            get(proposal, path).push(section.blank ? section.blank() : {});
            render();
            scheduleAppraise();
        }));
    };

    // Type-ahead over the Unit Cost Database: each hit is a button; choosing one adds a value line with its code.
    const unitCostSearch = (o) => {
        const box = document.createElement('div');
        box.className = 'ucd-search';
        const label = document.createElement('label');
        label.htmlFor = `ucd-search-${o}`;
        label.textContent = 'Find a unit cost (words or a code) ';
        const search = document.createElement('input');
        search.type = 'search';
        search.id = `ucd-search-${o}`;
        search.setAttribute('role', 'combobox');
        search.setAttribute('aria-controls', `ucd-results-${o}`);
        search.setAttribute('aria-expanded', 'false');
        search.autocomplete = 'off';
        search.size = 40;
        const results = document.createElement('ul');
        results.id = `ucd-results-${o}`;
        results.setAttribute('role', 'listbox');
        results.setAttribute('aria-label', 'Unit costs found');
        let timer = null;
        let asked = 0;
        search.addEventListener('input', () => {
            clearTimeout(timer);
            timer = setTimeout(async () => {
                const q = search.value.trim();
                const mine = ++asked;
                if (q.length < 2) { results.replaceChildren(); search.setAttribute('aria-expanded', 'false'); return; }
                try {
                    const r = await fetch('/api/unit-costs?limit=12&q=' + encodeURIComponent(q), { headers: { accept: 'application/json' } });
                    const hits = r.ok ? await r.json() : [];
                    if (mine !== asked) { return; }
                    results.replaceChildren(...hits.map(h => {
                        const li = document.createElement('li');
                        li.setAttribute('role', 'option');
                        const b = document.createElement('button');
                        b.type = 'button';
                        b.dataset.code = h.code;
                        const value = h.fiscal ? `fiscal ${h.fiscal}` : h.economic ? `economic ${h.economic}` : h.social ? `social ${h.social}` : 'no value';
                        b.textContent = `${h.code} — ${h.description} (${h.agency || 'no agency'}; ${value}${h.unit ? ' per ' + h.unit : ''}${h.priceYear ? ', ' + h.priceYear + ' prices' : ''})`;
                        b.addEventListener('click', () => {
                            const values = get(proposal, `outcomes.${o}.values`) ?? [];
                            const type = h.fiscal ? 'fiscal' : h.economic ? 'economic' : 'social';
                            const line = { unit_cost: h.code, type };
                            if (type === 'fiscal') { line.agency = h.agency || ''; }
                            if (h.confidence) { line.confidence = h.confidence; }
                            values.push(line);
                            set(proposal, `outcomes.${o}.values`, values);
                            render();
                            scheduleAppraise();
                            document.getElementById(idOf(`outcomes.${o}.values.${values.length - 1}.agency`))?.focus();
                        });
                        li.append(b);
                        return li;
                    }));
                    search.setAttribute('aria-expanded', String(hits.length > 0));
                    results.dataset.query = q;
                } catch { /* the server may be busy; the next key press asks again */ }
            }, 200);
        });
        box.append(label, search, results);
        return box;
    };

    const render = () => {
        form.replaceChildren();
        const first = document.createElement('fieldset');
        const legend = document.createElement('legend');
        legend.textContent = 'The proposal';
        const row = document.createElement('div');
        row.className = 'row';
        top.forEach(f => row.append(input(f, f.path)));
        first.append(legend, row);
        form.append(first);
        lists.forEach(section => {
            const fs = document.createElement('fieldset');
            const lg = document.createElement('legend');
            lg.textContent = section.legend;
            fs.append(lg);
            listSection(fs, section, '');
            form.append(fs);
        });
        const outcomes = document.createElement('fieldset');
        const lg = document.createElement('legend');
        lg.textContent = 'Outcomes and what each is worth';
        outcomes.append(lg);
        (proposal.outcomes ?? []).forEach((_, o) => {
            const block = document.createElement('div');
            block.dataset.item = `outcomes.${o}`;
            const r = document.createElement('div');
            r.className = 'row';
            outcomeFields.forEach(f => r.append(input(f, `outcomes.${o}.${f.path}`)));
            r.append(button(`Remove outcome ${o + 1}`, null, () => { proposal.outcomes.splice(o, 1); render(); scheduleAppraise(); }, true));
            block.append(r);
            const values = document.createElement('div');
            values.className = 'values';
            listSection(values, { list: 'values', item: 'value line', fields: valueFields, blank: () => ({ type: 'fiscal' }) }, `outcomes.${o}`);
            values.append(unitCostSearch(o));
            block.append(values);
            outcomes.append(block);
        });
        outcomes.append(button('Add outcome', 'add-outcomes', () => {
            (proposal.outcomes ??= []).push({ name: 'Outcome', success: 0, values: [] });
            render();
            scheduleAppraise();
        }));
        form.append(outcomes);
    };

    // Results, as the server's appraisal gives them.
    const issues = document.getElementById('proposal-issues');
    const headline = document.getElementById('proposal-headline');
    const byAgency = document.querySelector('#proposal-by-agency tbody');
    const obLines = document.querySelector('#proposal-optimism-bias tbody');
    const obEffect = document.getElementById('proposal-optimism-effect');
    let appraisals = 0;
    const cell = (text, numeric, header) => {
        const c = document.createElement(header ? 'th' : 'td');
        if (header) { c.scope = 'row'; }
        if (numeric) { c.className = 'num'; }
        c.textContent = text;
        return c;
    };
    const show = result => {
        issues.replaceChildren();
        const p = document.createElement('p');
        p.className = result.valid ? 'ok' : 'warn';
        p.textContent = result.valid ? 'The engine appraised the proposal.' : `${result.errors.length} ${result.errors.length === 1 ? 'problem stops' : 'problems stop'} the appraisal:`;
        issues.append(p);
        if (result.errors.length > 0) {
            const list = document.createElement('ul');
            result.errors.forEach(e => {
                const li = document.createElement('li');
                li.dataset.path = e.path;
                const code = document.createElement('code');
                code.textContent = e.path || 'proposal';
                li.append(code, document.createTextNode(': ' + e.message));
                list.append(li);
            });
            issues.append(list);
        }
        headline.replaceChildren(...result.headline.flatMap(f => {
            const dt = document.createElement('dt');
            dt.textContent = f.label;
            const dd = document.createElement('dd');
            dd.id = 'result-' + f.id;
            if (f.value !== null && f.value !== undefined) { dd.dataset.value = String(f.value); }
            dd.textContent = f.text;
            return [dt, dd];
        }));
        byAgency.replaceChildren(...result.byAgency.map(a => {
            const tr = document.createElement('tr');
            tr.append(cell(a.agency, false, true), cell(a.pvCostsText, true), cell(a.pvFiscalBenefitsText, true), cell(a.netFiscalText, true), cell(a.benefitCostRatioText, true));
            return tr;
        }));
        const ob = result.optimismBias;
        obLines.replaceChildren(...(ob?.lines ?? []).map(l => {
            const tr = document.createElement('tr');
            tr.dataset.line = l.line;
            tr.append(cell(l.label, false, true), cell(l.rateText, true), cell(l.basis));
            return tr;
        }));
        obEffect.textContent = ob ? `Optimism bias adds ${ob.costUpliftText} to the present value of costs and takes ${ob.fiscalReductionText} off the fiscal benefits.` : '';
        document.body.dataset.proposalAppraised = String(++appraisals);
    };

    let timer = null;
    let sent = 0;
    const body = () => JSON.stringify(proposal, null, 2);
    const appraise = async () => {
        const mine = ++sent;
        try {
            const r = await fetch('/api/proposals/appraise', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: body() });
            if (mine !== sent) { return; }
            if (!r.ok) { show({ valid: false, errors: [{ path: '', message: `the appraisal could not run (${r.status})` }], headline: [], byAgency: [], optimismBias: null }); return; }
            show(await r.json());
        } catch {
            show({ valid: false, errors: [{ path: '', message: 'the server could not be reached; your changes are still here' }], headline: [], byAgency: [], optimismBias: null });
        }
    };
    const scheduleAppraise = () => { clearTimeout(timer); timer = setTimeout(appraise, 250); };

    const saveStatus = document.getElementById('proposal-save-status');
    document.getElementById('proposal-save')?.addEventListener('click', async () => {
        saveStatus.textContent = 'Saving…';
        const id = document.getElementById('proposal-id')?.value.trim() ?? '';
        const url = `/api/places/${encodeURIComponent(place)}/proposals` + (id ? '?id=' + encodeURIComponent(id) : '');
        const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: body() });
        if (r.ok) {
            const saved = await r.json();
            saveStatus.textContent = `Saved ${saved.id}.`;
            window.location.assign(saved.page);
            return;
        }
        let problem = null;
        try { problem = await r.json(); } catch { /* not JSON */ }
        const errors = Object.entries(problem?.errors ?? {}).flatMap(([path, messages]) => messages.map(message => ({ path, message })));
        saveStatus.textContent = problem?.title ?? `Not saved (${r.status}).`;
        if (errors.length > 0) { show({ valid: false, errors, headline: [], byAgency: [], optimismBias: null }); }
    });

    const attachStatus = document.getElementById('proposal-attach-status');
    document.getElementById('proposal-attach')?.addEventListener('click', async e => {
        const offer = document.getElementById('proposal-offer').value;
        attachStatus.textContent = 'Attaching…';
        const url = `/api/places/${encodeURIComponent(place)}/proposals/${encodeURIComponent(e.target.dataset.proposal)}/attach?offer=${encodeURIComponent(offer)}`;
        const r = await fetch(url, { method: 'POST', headers: { accept: 'application/json' } });
        let answer = null;
        try { answer = await r.json(); } catch { /* not JSON */ }
        if (r.ok) {
            attachStatus.replaceChildren(document.createTextNode(`Attached to offer ${answer.offer}: ${answer.summary} `));
            const a = document.createElement('a');
            a.href = answer.offerPage;
            a.textContent = 'Open the offer';
            attachStatus.append(a);
            attachStatus.dataset.attached = answer.offer;
        } else {
            attachStatus.textContent = Object.values(answer?.errors ?? {}).flat()[0] ?? answer?.title ?? `Not attached (${r.status}).`;
        }
    });

    document.getElementById('proposal-export')?.addEventListener('click', () => {
        const blob = new Blob([body() + '\n'], { type: 'application/json' });
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = `${(proposal.name || 'proposal').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'proposal'}.json`;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    });
    document.getElementById('proposal-import')?.addEventListener('change', async e => {
        const file = e.target.files?.[0];
        if (!file) { return; }
        try {
            proposal = JSON.parse(await file.text());
            render();
            appraise();
        } catch (err) {
            show({ valid: false, errors: [{ path: '', message: `${file.name} is not JSON: ${err.message}` }], headline: [], byAgency: [], optimismBias: null });
        }
    });

    render();
    appraise();
})();
