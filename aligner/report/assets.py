"""The report's inline style sheet and script: no fonts, images or scripts from outside.

Bangla uses whichever Bengali-script font the system has; the list names the common ones
(Noto on Linux and Android, Vrinda / Nirmala UI on Windows, Bangla Sangam on macOS).
"""
from __future__ import annotations

CSS = """
:root{--grey:#8a8a8a;--line:#ddd;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#222}
body{margin:0 1rem 2rem}
h1{font-size:1.25rem;margin:.8rem 0 .2rem}
.summary{margin:.2rem 0 .8rem;color:#444}
.flag{color:#b00020;font-weight:600}
main{display:grid;grid-template-columns:minmax(0,1fr) 340px;gap:1.2rem;align-items:start}
aside{position:sticky;top:.5rem}
:lang(bn){font-family:"Noto Sans Bengali","Noto Serif Bengali","Lohit Bengali","Vrinda","Nirmala UI","Bangla Sangam MN","Kohinoor Bangla","Hind Siliguri","SolaimanLipi",sans-serif}
table{border-collapse:collapse;width:100%}
th{position:sticky;top:0;background:#f6f6f6;text-align:left;font-weight:600;border-bottom:2px solid #bbb}
td,th{padding:.25rem .4rem;vertical-align:top}
td.n,td.kind,td.score{white-space:nowrap;color:#555;font-variant-numeric:tabular-nums}
tr.bead{border-bottom:1px solid var(--line)}
tr.pair td.score{background:var(--c);color:#fff;font-weight:600}
tr.pair td.bn,tr.pair td.en{background:color-mix(in srgb,var(--c) 10%,white)}
tr.unpaired{color:var(--grey);background:#f7f7f7}
tr.unpaired td.kind{font-style:italic}
tr.boilerplate .seg{text-decoration:line-through dotted}
td.pstart{border-top:2px solid #999}
.para{display:inline-block;margin-right:.3rem;padding:0 .2rem;font-size:.75rem;color:#666;border:1px solid #bbb;border-radius:3px;font-family:system-ui,sans-serif}
.bp{font-size:.7rem;color:#999;margin-left:.3rem}
tr.bead:hover,tr.bead:focus{outline:2px solid #d62728;outline-offset:-2px}
svg.heatmap{width:100%;height:auto;max-height:80vh;border:1px solid #bbb;background:#fff;display:block}
svg .ground{fill:#fff}
svg .path{fill:none;stroke:#e6550d;stroke-width:1.5;vector-effect:non-scaling-stroke;stroke-linejoin:round}
svg .bead{fill:transparent;stroke:none;cursor:pointer}
svg .bead.hl{fill:rgba(255,215,0,.45);stroke:#d62728;stroke-width:2.5;vector-effect:non-scaling-stroke}
.legend{font-size:.8rem;color:#555;margin:.4rem 0}
.ramp{display:inline-block;width:90px;height:.7rem;vertical-align:middle;border:1px solid #bbb}
"""

# Hover or focus on a row highlights its bead on the heat-map; a click on the heat-map
# focuses the row. `?focus=K` focuses row K on load (lets a headless browser check this).
# At load, with layout done: `data-drawn-width` on the heat-map (its width in CSS pixels) and
# `data-load-ms` on <html> (milliseconds from the start of navigation).
JS = """
(function(){
var cur=null;
function show(row){if(cur)cur.classList.remove('hl');cur=row&&document.getElementById('cell-'+row.dataset.bead);if(cur)cur.classList.add('hl');}
function rowOf(e){return e.target.closest&&e.target.closest('tr.bead');}
var body=document.querySelector('tbody');
body.addEventListener('mouseover',function(e){show(rowOf(e));});
body.addEventListener('mouseleave',function(){show(document.activeElement.closest&&document.activeElement.closest('tr.bead'));});
body.addEventListener('focusin',function(e){show(rowOf(e));});
body.addEventListener('focusout',function(){show(null);});
document.querySelectorAll('svg .bead').forEach(function(r){r.addEventListener('click',function(){var row=document.getElementById('row-'+r.dataset.bead);row.focus();row.scrollIntoView({block:'center'});});});
var f=new URLSearchParams(location.search).get('focus');
if(f!==null){var row=document.getElementById('row-'+f);if(row)row.focus();}
addEventListener('load',function(){
var map=document.querySelector('svg.heatmap');if(map)map.dataset.drawnWidth=Math.round(map.getBoundingClientRect().width);
document.documentElement.dataset.loadMs=performance.now().toFixed(0);});
})();
"""
