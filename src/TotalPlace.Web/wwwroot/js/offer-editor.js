// The offer editor. The offer file's JSON is the model: the form reads and writes it by path, fields the form does not
// show (evidence, appraisals, actuals…) travel unchanged, and the server's reader and validator (the CLI's) judge it.
// Every text from the offer reaches the page through value or textContent, never as HTML.
(() => {
    'use strict';
    const source = document.getElementById('offer-json');
    const form = document.getElementById('offer-editor');
    if (!source || !form) { return; }
    let offer = JSON.parse(source.textContent);
    const maxOutcomes = 10;

    const partnerKinds = ['localAuthority', 'nhs', 'police', 'fireAndRescue', 'centralDepartment', 'education', 'housing', 'thirdSector', 'other'];
    const sectors = ['community', 'thirdSector', 'business'];
    const words = s => s.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, c => c.toUpperCase());

    const sections = [
        { legend: 'The offer', fields: [
            { path: 'id', label: 'Offer id (letters, digits and dashes)' },
            { path: 'title', label: 'Title', wide: true },
            { path: 'place.code', label: 'Place code (GSS)' },
            { path: 'place.name', label: 'Place name' },
            { path: 'kind', label: 'Kind', options: ['single', 'innovativePolicy'] },
            { path: 'version', label: 'Version' },
            { path: 'date', label: 'Document date', type: 'date' },
            { path: 'startDate', label: 'Start date', type: 'date' },
            { path: 'termYears', label: 'Term (years)', type: 'number' },
            { path: 'interimReportDate', label: 'Interim report date', type: 'date' },
            { path: 'scope', label: 'Scope', type: 'textarea' },
        ] },
        { legend: 'Partners', list: 'partners', item: 'partner', fields: [
            { path: 'name', label: 'Name' },
            { path: 'kind', label: 'Kind', options: partnerKinds },
            { path: 'signatories.0.name', label: 'Signatory' },
            { path: 'signatories.0.role', label: 'Signatory role' },
        ] },
        { legend: 'Pool', fields: [
            { path: 'pool.kind', label: 'Kind', options: ['pooled', 'aligned'] },
            { path: 'pool.accountableBody', label: 'Accountable body' },
            { path: 'pool.riskShare.rule', label: 'Overspend (risk) shared', options: ['proportional', 'benefitFollowsPayer', 'fixed'] },
            { path: 'pool.savingsShare.rule', label: 'Savings shared', options: ['proportional', 'benefitFollowsPayer', 'fixed'] },
        ] },
        { legend: 'Contributions to the pool', list: 'pool.contributions', item: 'contribution', fields: [
            { path: 'partner', label: 'Partner' },
            { path: 'year', label: 'Financial year (2027-28)' },
            { path: 'cash', label: 'Cash (£)', type: 'number', step: '0.01' },
            { path: 'inKind', label: 'In kind (£)', type: 'number', step: '0.01' },
            { path: 'inKindDescription', label: 'In kind: what' },
        ] },
        { legend: `Outcomes (up to ${maxOutcomes})`, list: 'outcomes', item: 'outcome', max: maxOutcomes, fields: [
            { path: 'name', label: 'Outcome' },
            { path: 'indicator', label: 'Indicator', wide: true },
            { path: 'unit', label: 'Unit' },
            { path: 'baseline.value', label: 'Baseline', type: 'number', step: 'any' },
            { path: 'baseline.date', label: 'Baseline date', type: 'date' },
            { path: 'target.value', label: 'Target', type: 'number', step: 'any' },
            { path: 'target.date', label: 'Target date', type: 'date' },
            { path: 'measuredBy', label: 'Measured by (partner)' },
            { path: 'partners', label: 'Partners (comma-separated)', type: 'csv' },
        ] },
        { legend: 'Governance', fields: [
            { path: 'governance.decisionRule', label: 'How decisions are made', type: 'textarea' },
            { path: 'governance.disputeRule', label: 'How disputes are settled', type: 'textarea' },
        ] },
        { legend: 'Board members', list: 'governance.boardMembers', item: 'board member', fields: [
            { path: 'name', label: 'Name' },
            { path: 'role', label: 'Role' },
            { path: 'partner', label: 'Partner' },
        ] },
        { legend: 'Engagement', list: 'engagement', item: 'engagement record', fields: [
            { path: 'who', label: 'Who' },
            { path: 'sector', label: 'Sector', options: sectors },
            { path: 'how', label: 'How', wide: true },
            { path: 'when', label: 'When', type: 'date' },
        ] },
    ];

    const { get, set, idOf } = window.TotalPlace.paths;

    // Empty fields are left out rather than sent as "" (a date or number cannot be empty in the file format).
    const clean = value => {
        if (Array.isArray(value)) { return value.map(clean); }
        if (value && typeof value === 'object') {
            const out = {};
            Object.entries(value).forEach(([k, v]) => { const c = clean(v); if (c !== undefined) { out[k] = c; } });
            return out;
        }
        return value === '' || value === null ? undefined : value;
    };

    const input = (field, fullPath) => {
        const label = document.createElement('label');
        label.append(document.createTextNode(field.label + ' '));
        let control;
        if (field.options) {
            control = document.createElement('select');
            const current = get(offer, fullPath);
            const options = current && !field.options.includes(current) ? [current, ...field.options] : field.options;
            options.forEach(o => { const opt = document.createElement('option'); opt.value = o; opt.textContent = words(o); control.append(opt); });
            control.value = current ?? field.options[0];
            if (current == null) { set(offer, fullPath, field.options[0]); }
        } else if (field.type === 'textarea') {
            control = document.createElement('textarea');
            control.rows = 3;
            control.value = get(offer, fullPath) ?? '';
        } else {
            control = document.createElement('input');
            control.type = field.type === 'csv' ? 'text' : (field.type ?? 'text');
            if (field.step) { control.step = field.step; }
            const v = get(offer, fullPath);
            control.value = v == null ? '' : (field.type === 'csv' ? v.join(', ') : String(v));
        }
        if (field.wide) { control.size = 60; }
        control.id = idOf(fullPath);
        control.name = fullPath;
        control.addEventListener('input', () => {
            const raw = control.value;
            let value = raw;
            if (field.type === 'number') { value = raw.trim() === '' ? undefined : Number(raw); }
            else if (field.type === 'csv') { value = raw.split(',').map(s => s.trim()).filter(s => s.length > 0); }
            else if (raw === '') { value = undefined; }
            set(offer, fullPath, value);
            scheduleCheck();
        });
        label.append(control);
        return label;
    };

    const render = () => {
        form.replaceChildren();
        sections.forEach(section => {
            const set_ = document.createElement('fieldset');
            const legend = document.createElement('legend');
            legend.textContent = section.legend;
            set_.append(legend);
            if (!section.list) {
                const row = document.createElement('div');
                row.className = 'row';
                section.fields.forEach(f => row.append(input(f, f.path)));
                set_.append(row);
            } else {
                const items = get(offer, section.list) ?? [];
                items.forEach((_, i) => {
                    const row = document.createElement('div');
                    row.className = 'row';
                    row.dataset.item = `${section.list}.${i}`;
                    section.fields.forEach(f => row.append(input(f, `${section.list}.${i}.${f.path}`)));
                    const remove = document.createElement('button');
                    remove.type = 'button';
                    remove.className = 'secondary';
                    remove.textContent = `Remove ${section.item} ${i + 1}`;
                    remove.addEventListener('click', () => { items.splice(i, 1); render(); scheduleCheck(); });
                    row.append(remove);
                    set_.append(row);
                });
                const add = document.createElement('button');
                add.type = 'button';
                add.id = 'add-' + section.list.replace(/\./g, '-');
                add.textContent = `Add ${section.item}`;
                add.disabled = section.max !== undefined && items.length >= section.max;
                add.addEventListener('click', () => {
                    if (!get(offer, section.list)) { set(offer, section.list, []); }
                    get(offer, section.list).push({});
                    render();
                    scheduleCheck();
                    form.querySelector(`[data-item="${section.list}.${items.length}"] input, [data-item="${section.list}.${items.length}"] select`)?.focus();
                });
                set_.append(add);
            }
            form.append(set_);
        });
    };

    const issuesBox = document.getElementById('offer-issues');
    const showIssues = (issues, headline) => {
        issuesBox.replaceChildren();
        issuesBox.dataset.issues = String(issues.length);
        const p = document.createElement('p');
        p.textContent = headline ?? (issues.length === 0 ? 'The offer passes every check.' : `${issues.length} ${issues.length === 1 ? 'problem' : 'problems'} to put right before it can be submitted:`);
        p.className = issues.length === 0 ? 'ok' : 'warn';
        issuesBox.append(p);
        if (issues.length > 0) {
            const list = document.createElement('ul');
            issues.forEach(i => {
                const li = document.createElement('li');
                li.dataset.path = i.path;
                const code = document.createElement('code');
                code.textContent = i.path;
                li.append(code, document.createTextNode(': ' + i.message));
                list.append(li);
            });
            issuesBox.append(list);
        }
        document.body.dataset.offerChecked = String(++checks);
    };

    let timer = null;
    let checks = 0;
    // Each edit bumps the version; the checks box says data-state="pending" until the answer for the latest version is
    // shown ("current"), and an answer overtaken by a later edit is dropped, so the box (and the buttons below it) stop
    // moving only once the issues shown are the offer's own.
    let version = 0;
    const body = () => JSON.stringify(clean(offer), null, 2);
    const check = async () => {
        const asked = version;
        const show = (issues, headline) => {
            if (asked !== version) { return; }
            showIssues(issues, headline);
            issuesBox.dataset.state = 'current';
        };
        try {
            const r = await fetch('/api/offers/check', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: body() });
            if (!r.ok) { show([], `The check could not run (${r.status}).`); return; }
            const result = await r.json();
            show(result.issues);
        } catch { show([], 'The check could not reach the server; your changes are still here.'); }
    };
    const scheduleCheck = () => {
        version++;
        issuesBox.dataset.state = 'pending';
        clearTimeout(timer);
        timer = setTimeout(check, 300);
    };

    const status = document.getElementById('offer-save-status');
    const save = async submit => {
        status.textContent = submit ? 'Submitting…' : 'Saving…';
        const r = await fetch('/api/offers' + (submit ? '?submit=true' : ''), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: body() });
        if (r.ok) {
            const saved = await r.json();
            status.textContent = `Saved ${saved.id} (${words(saved.status)}).`;
            window.location.assign(saved.page);
            return;
        }
        let problem = null;
        try { problem = await r.json(); } catch { /* not JSON */ }
        const issues = Object.entries(problem?.errors ?? {}).flatMap(([path, messages]) => messages.map(message => ({ path, message })));
        status.textContent = problem?.title ?? `Not saved (${r.status}).`;
        showIssues(issues, problem?.title);
    };
    document.getElementById('offer-save')?.addEventListener('click', () => save(false));
    document.getElementById('offer-submit')?.addEventListener('click', () => save(true));

    document.getElementById('offer-export')?.addEventListener('click', () => {
        const blob = new Blob([body() + '\n'], { type: 'application/json' });
        const a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = `${(offer.id || 'offer').replace(/[^A-Za-z0-9_-]/g, '-')}.offer.json`;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    });
    document.getElementById('offer-import')?.addEventListener('change', async e => {
        const file = e.target.files?.[0];
        if (!file) { return; }
        try {
            offer = JSON.parse(await file.text());
            render();
            version++;
            issuesBox.dataset.state = 'pending';
            check();
        } catch (err) {
            showIssues([], `${file.name} is not JSON: ${err.message}`);
        }
    });

    render();
    issuesBox.dataset.state = 'pending';
    check();
})();
