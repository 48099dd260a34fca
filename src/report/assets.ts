/**
 * The report's inline style and script: no external file, font or request. The script filters
 * markers by job and public on the member keys that render.ts writes (`jobs` or `jobs/cats`,
 * `*` = any job, empty cats = no category); a cell marker stays visible while one member passes.
 */

export const STYLE = `
:root{--cand:#1f5fa8;--vac:#c2410c;--alloc:#15803d;--sched:#7e22ce;--ink:#1c1c1c;--muted:#5b6270;--line:#d8dce3}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:#f6f7f9}
header,main{max-width:1180px;margin:0 auto;padding:0 20px}
header{padding-top:18px}
h1{font-size:1.45rem;margin:0 0 4px}
h2{font-size:1.15rem;margin:28px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}
.audience{display:inline-block;margin:6px 0;padding:6px 10px;border-left:4px solid var(--vac);background:#fff4ec}
.audience.employer{border-color:var(--alloc);background:#eefaf1}
.meta,.note{color:var(--muted);font-size:.9rem}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 260px;gap:18px;align-items:start}
@media (max-width:900px){.layout{grid-template-columns:1fr}}
#map{width:100%;height:auto;background:#fff;border:1px solid var(--line);border-radius:6px}
#map .bg{fill:#fbfcfd}
#map .communes circle{fill:#9aa3b0}
#map .names text{font-size:12px;fill:#374151;paint-order:stroke;stroke:#fff;stroke-width:3px;pointer-events:none}
#map .cand{fill:var(--cand);fill-opacity:.75;stroke:#fff;stroke-width:.6}
#map .vac{fill:var(--vac);stroke:#fff;stroke-width:.8}
#map .lk{stroke-width:1.1;stroke-opacity:.55}
#map .many .lk{stroke-width:.7;stroke-opacity:.3}
#map .allocation{stroke:var(--alloc)}
#map .schedule{stroke:var(--sched);stroke-dasharray:4 3}
#map .scale path{fill:none;stroke:#333}
#map .scale text{font-size:11px;fill:#333}
aside{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px}
aside label{display:block;font-weight:600;margin-top:8px}
aside select{width:100%;margin-top:4px;font:inherit}
.legend{list-style:none;padding:0;margin:8px 0 0}
.legend li{display:flex;align-items:center;gap:8px;margin:4px 0}
.legend svg{flex:none}
#shown{margin-top:10px;font-weight:600}
table{border-collapse:collapse;background:#fff;margin:8px 0 16px;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
code{font:12px ui-monospace,Menlo,Consolas,monospace;color:#475569;background:#eef1f5;padding:0 3px;border-radius:3px}
.dist .bars rect{fill:#6b8fc7}
.dist .box path{stroke:#333;fill:none}
.dist .box rect{fill:#fff;stroke:#333}
.dist .box .med{stroke:#c2410c;stroke-width:2}
.flag{color:#b91c1c;font-weight:600}
details{margin:8px 0}
`;

export const SCRIPT = `
(function () {
  'use strict';
  var job = document.getElementById('f-job');
  var pub = document.getElementById('f-pub');
  var out = document.getElementById('shown');
  // The browser's fr-FR number format: the rule of src/format/french.ts formatNumber for integers.
  var nf = new Intl.NumberFormat('fr-FR');
  function has(list, x) { return list === '*' || (',' + list + ',').indexOf(',' + x + ',') >= 0; }
  function passes(key, j, p, withPublic) {
    var parts = key.split('/');
    if (j !== '' && !has(parts[0], j)) return false;
    if (!withPublic || p === '') return true;
    var cats = parts[1] || '';
    return p === 'none' ? cats === '' : cats !== '' && has(cats, p);
  }
  function count(n, one, many) { return nf.format(n) + ' ' + (n < 2 ? one : many); }
  function apply() {
    var j = job.value, p = pub ? pub.value : '';
    var cand = 0, vac = 0, i, k;
    var marks = document.querySelectorAll('#map .mk');
    for (i = 0; i < marks.length; i++) {
      var el = marks[i];
      var isCand = el.classList.contains('cand');
      var members = el.getAttribute('data-m').split(' ');
      var n = 0;
      for (k = 0; k < members.length; k++) if (passes(members[k], j, p, isCand)) n++;
      el.style.display = n > 0 ? '' : 'none';
      el.setAttribute('data-shown', String(n));
      if (isCand) cand += n; else vac += n;
    }
    var links = document.querySelectorAll('#map .lk');
    for (i = 0; i < links.length; i++) {
      var ok = passes(links[i].getAttribute('data-c'), j, p, true) && passes(links[i].getAttribute('data-v'), j, p, false);
      links[i].style.display = ok ? '' : 'none';
    }
    out.textContent = 'Sur la carte : ' + count(cand, 'candidat·e', 'candidat·es') + ', ' + count(vac, 'offre', 'offres') + '.';
  }
  job.addEventListener('change', apply);
  if (pub) pub.addEventListener('change', apply);
  apply();
})();
`;
