"""What the HTML page carries besides the run's data: its style, its script, its policy.

The style makes the page readable without the script: the hover boxes and the *failures
only* switch are CSS. The script only adds keyboard shortcuts. The content security policy
lets the page load nothing and run no script but this one.
"""

from __future__ import annotations

import base64
import hashlib

# With more articles than this, those off screen are laid out only when scrolled to: a
# thousand articles then load in half the time. (Their text is still in the page, for
# find-in-page and textContent; only their layout, and so innerText, waits.)
LAZY_ARTICLES = 100
LAZY_STYLE = """
section.article:not(:hover):not(:focus-within){content-visibility:auto;
contain-intrinsic-size:auto 1200px}
"""

STYLE = """
:root{--bad:#c62828;--badbg:#ffd7d7;--ok:#2e7d32;--okbg:#d8f3d8;--xf:#8a6100;--xfbg:#ffefc2;
--line:#f4f4f4;--muted:#666}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#111}
header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.4em 1em;
z-index:20}
h1{font-size:1.2em;margin:.2em 0}h2{font-size:1.05em;margin:1em 0 .4em}
main{padding:0 1em 4em}
.totals span{margin-right:1em;white-space:nowrap}.totals .f,.totals .e{color:var(--bad)}
.keys{color:var(--muted);font-size:.85em;margin:.2em 0}
kbd{border:1px solid #bbb;border-radius:3px;padding:0 .3em;font-size:.9em}
.filter-label{font-weight:600;cursor:pointer}
table{border-collapse:collapse}
.grid-wrap{overflow:auto;max-height:70vh;border:1px solid #ddd}
.grid th,.grid td{border:1px solid #e3e3e3;padding:0 .35em;text-align:center;
font-variant-numeric:tabular-nums}
.grid thead th{position:sticky;top:0;background:#fafafa}
.grid th.article{text-align:left;font-weight:normal;white-space:nowrap}
.grid td a{display:block;text-decoration:none;color:inherit}
td.f,td.e{background:var(--badbg);color:var(--bad);font-weight:700}
td.p{color:var(--ok)}td.x{background:var(--xfbg);color:var(--xf)}td.n,td.s{color:#aaa}
.grid td.total{color:#333;background:#fafafa}
.facts td,.facts th{border-bottom:1px solid #eee;padding:.15em .5em;text-align:left;
vertical-align:top}
section.article{border-top:2px solid #ddd;margin-top:1.5em}
section.article.bad{border-top-color:var(--bad)}
.verdicts{margin:.3em 0 .6em;padding-left:1.2em}
.verdicts li.f,.verdicts li.e{color:var(--bad)}
.src{font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
background:var(--line);padding:.3em 0}
.l{display:flex;white-space:pre-wrap;overflow-wrap:anywhere}
.l:target{background:#fff3a8}
.n{flex:none;width:3.5em;padding-right:.8em;text-align:right;color:#999;text-decoration:none;
user-select:none}
.t{flex:1;min-width:0}
mark{position:relative;border-radius:2px;padding:0 1px;outline-offset:1px}
mark.bad{background:var(--badbg);color:var(--bad);font-weight:700;
box-shadow:inset 0 -2px var(--bad)}
mark.ok{background:var(--okbg);color:#174d1a;box-shadow:inset 0 -2px var(--ok)}
mark.xf{background:var(--xfbg);color:var(--xf);box-shadow:inset 0 -2px var(--xf)}
mark.cue{background:none;color:inherit;border-bottom:2px dotted #777}
.tip .v-cue{color:#555}
mark:focus{outline:2px solid #1a5fb4}
.tip{display:none;position:absolute;left:0;top:1.6em;z-index:30;width:28em;max-width:80vw;
background:#fff;color:#111;border:1px solid #888;border-radius:4px;padding:.4em .6em;
box-shadow:0 2px 8px rgba(0,0,0,.25);font:13px/1.4 system-ui,sans-serif;white-space:normal}
mark:hover>.tip,mark:focus>.tip{display:block}
.tip b{display:block}.tip .v-bad{color:var(--bad)}.tip .v-ok{color:var(--ok)}
.tip hr{border:0;border-top:1px solid #ddd;margin:.3em 0}
.tip .br{display:none}
.l,mark,section{scroll-margin-top:8em}
.error{color:var(--bad);font-weight:600}
h2 .up{font-size:.8em;font-weight:normal;margin-left:.6em}
.failures li{margin:.15em 0}.failures .msg{color:var(--bad)}
body:has(#failures-only:checked) .clean{display:none}
"""

SCRIPT = """
(function(){
var marks=null,bad=null;
function all(){if(!marks){marks=[].slice.call(document.querySelectorAll('mark'));
bad=marks.filter(function(m){return m.classList.contains('bad');});}}
function visible(m){return m.offsetParent!==null||m.closest('section.clean')===null;}
function step(list,dir){if(!list.length)return;var cur=list.indexOf(document.activeElement);
var i=cur<0?(dir>0?0:list.length-1):(cur+dir+list.length)%list.length;
for(var k=0;k<list.length;k++){if(visible(list[i])){list[i].focus();return;}
i=(i+dir+list.length)%list.length;}}
document.addEventListener('keydown',function(e){
if(e.ctrlKey||e.metaKey||e.altKey)return;var t=e.target.tagName;
if(t==='INPUT'&&e.target.type!=='checkbox'||t==='TEXTAREA')return;all();
if(e.key==='n'){step(bad,1);}else if(e.key==='p'){step(bad,-1);}
else if(e.key==='j'){step(marks,1);}else if(e.key==='k'){step(marks,-1);}
else if(e.key==='f'){var c=document.getElementById('failures-only');c.checked=!c.checked;}
else{return;}e.preventDefault();});
})();
"""


# Defence in depth: the page may load nothing and run no script but its own, whatever an
# article holds (everything is escaped anyway).
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; "
    f"script-src 'sha256-{base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()}'"
)
