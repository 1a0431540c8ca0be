// Small progressive enhancements; every page works without them.

// Every string that came from data (agency, theme, supplier, file names) is escaped before it goes into markup that a
// chart library renders as HTML, such as ECharts tooltip formatters: an agency named <img onerror=...> must show as text.
// The editors (offer, proposal) bind form fields to a JSON document by dotted paths such as "outcomes.2.target": a
// number in a path is an index into a list, created as a list when missing.
const pathParts = path => path.split('.').map(p => /^\d+$/.test(p) ? Number(p) : p);
window.TotalPlace = Object.freeze({
    escapeHtml: value => String(value ?? '').replace(/[&<>"'`]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c]),
    paths: Object.freeze({
        get: (obj, path) => pathParts(path).reduce((o, k) => o == null ? undefined : o[k], obj),
        set: (obj, path, value) => {
            const keys = pathParts(path);
            let o = obj;
            keys.slice(0, -1).forEach((k, i) => {
                if (o[k] == null) { o[k] = typeof keys[i + 1] === 'number' ? [] : {}; }
                o = o[k];
            });
            const last = keys[keys.length - 1];
            if (value === undefined) { delete o[last]; } else { o[last] = value; }
        },
        idOf: path => 'f-' + path.replace(/\./g, '-'),
    }),
});

(() => {
    'use strict';
    // Print opens every "data behind the chart" section, so the printed page carries the figures.
    window.addEventListener('beforeprint', () => {
        document.querySelectorAll('details:not([open])').forEach(d => { d.dataset.printOpened = '1'; d.open = true; });
    });
    window.addEventListener('afterprint', () => {
        document.querySelectorAll('details[data-print-opened]').forEach(d => { d.open = false; delete d.dataset.printOpened; });
    });
    document.querySelectorAll('[data-print]').forEach(b => b.addEventListener('click', () => window.print()));

    // Selects marked data-autosubmit send their form when changed, for keyboard and mouse alike.
    document.querySelectorAll('select[data-autosubmit]').forEach(s => s.addEventListener('change', () => s.form?.requestSubmit()));

    // The import wizard: radios marked data-autosubmit send their form when chosen, and clicking anywhere on a raw
    // row marked data-pick-row chooses its radio (the header row), so the preview follows at once.
    document.querySelectorAll('input[type=radio][data-autosubmit]').forEach(r => r.addEventListener('change', () => r.form?.requestSubmit()));
    document.querySelectorAll('tr[data-pick-row]').forEach(tr => tr.addEventListener('click', e => {
        const radio = tr.querySelector('input[type=radio]');
        if (radio && e.target !== radio && !radio.checked) { radio.click(); }
    }));

    // Forms marked data-confirm ask first; the question lives in an attribute because the content security policy
    // allows no inline script (no onsubmit=).
    document.querySelectorAll('form[data-confirm]').forEach(f => f.addEventListener('submit', e => {
        if (!window.confirm(f.dataset.confirm)) { e.preventDefault(); }
    }));

    // The store banner refreshes the page when the demo place has been built.
    const banner = document.getElementById('store-status');
    if (banner && banner.dataset.state !== 'Failed') {
        const poll = async () => {
            try {
                const r = await fetch('/api/status', { headers: { accept: 'application/json' } });
                const s = await r.json();
                const bar = banner.querySelector('progress');
                if (bar) { bar.value = s.fraction; }
                const pct = banner.querySelector('span:last-child');
                if (pct) { pct.textContent = Math.round(s.fraction * 100) + '%'; }
                if (s.state === 'Ready') { window.location.reload(); return; }
            } catch { /* the server may be restarting; try again */ }
            setTimeout(poll, 1000);
        };
        setTimeout(poll, 1000);
    }

    // Background jobs: the progress page polls its job and moves on when it has finished.
    const job = document.querySelector('[data-job]');
    if (job) {
        const bar = job.querySelector('progress');
        const message = job.querySelector('[data-job-message]');
        const poll = async () => {
            try {
                const r = await fetch('/api/jobs/' + encodeURIComponent(job.dataset.job), { headers: { accept: 'application/json' } });
                if (r.ok) {
                    const j = await r.json();
                    if (bar) { bar.value = j.fraction; }
                    if (message) { message.textContent = j.message; }
                    if (j.state === 'Succeeded' || j.state === 'Failed') { window.location.reload(); return; }
                }
            } catch { /* keep polling */ }
            setTimeout(poll, 400);
        };
        if (job.dataset.finished !== 'true') { setTimeout(poll, 300); }
    }
})();
