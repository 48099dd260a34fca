import loadHighs from 'highs';
import { mulberry32 } from './rng.js';
const highs = await loadHighs();
function instance(nc: number, ne: number, ns: number, dens: number, seed: number, restricted: boolean) {
  const r = mulberry32(seed);
  const pairs: { c: number; e: number; w: number }[] = [];
  for (let c = 0; c < nc; c++) for (let e = 0; e < ne; e++) if (r() < dens) pairs.push({ c, e, w: 20 + 80 * r() });
  const cav = Array.from({ length: nc }, () => restricted && r() < 0.3 ? new Set(Array.from({ length: ns }, (_, s) => s).filter(() => r() < 0.5)) : null);
  const eav = Array.from({ length: ne }, () => restricted && r() < 0.3 ? new Set(Array.from({ length: ns }, (_, s) => s).filter(() => r() < 0.6)) : null);
  const tables = Array.from({ length: ne }, () => 1 + (r() < 0.3 ? 1 : 0));
  return { nc, ne, ns, pairs, cav, eav, tables, maxI: 3 };
}
function solve(inst: ReturnType<typeof instance>, stage2: boolean, served?: number) {
  const { nc, ne, ns, pairs, cav, eav, tables, maxI } = inst;
  // columns: x[p,s], then y[c]
  const cols: { p: number; s: number }[] = [];
  for (let p = 0; p < pairs.length; p++) for (let s = 0; s < ns; s++) {
    const { c, e } = pairs[p];
    if ((cav[c] && !cav[c]!.has(s)) || (eav[e] && !eav[e]!.has(s))) continue;
    cols.push({ p, s });
  }
  const nx = cols.length; const ncol = nx + nc;
  const rows: number[][] = []; const lo: number[] = []; const up: number[] = [];
  const add = (idx: number[], l: number, u: number) => { rows.push(idx); lo.push(l); up.push(u); };
  const byPair = new Map<number, number[]>(); const byCS = new Map<string, number[]>(); const byES = new Map<string, number[]>(); const byC = new Map<number, number[]>();
  cols.forEach((x, j) => { const { c, e } = pairs[x.p];
    (byPair.get(x.p) ?? byPair.set(x.p, []).get(x.p)!).push(j);
    const k1 = c + ':' + x.s; (byCS.get(k1) ?? byCS.set(k1, []).get(k1)!).push(j);
    const k2 = e + ':' + x.s; (byES.get(k2) ?? byES.set(k2, []).get(k2)!).push(j);
    (byC.get(c) ?? byC.set(c, []).get(c)!).push(j); });
  for (const v of byPair.values()) if (v.length > 1) add(v, 0, 1);
  for (const v of byCS.values()) if (v.length > 1) add(v, 0, 1);
  for (const [k, v] of byES) { const e = +k.split(':')[0]; if (v.length > tables[e]) add(v, 0, tables[e]); }
  for (const [c, v] of byC) { if (v.length > maxI) add(v, 0, maxI); add([...v, nx + c], 0, Infinity); /* sum x - y >= 0 */ }
  // build CSR with y coefficient -1
  const starts = [0]; const indices: number[] = []; const values: number[] = [];
  for (const r of rows) { for (let i = 0; i < r.length; i++) { indices.push(r[i]); values.push(r[i] >= nx ? -1 : 1); } starts.push(indices.length); }
  const cost = new Float64Array(ncol); const clo = new Float64Array(ncol); const cup = new Float64Array(ncol).fill(1);
  if (stage2) cols.forEach((x, j) => cost[j] = pairs[x.p].w); else for (let c = 0; c < nc; c++) cost[nx + c] = 1;
  if (stage2 && served !== undefined) { add(Array.from({ length: nc }, (_, c) => nx + c), served, Infinity); starts.push(starts.at(-1)! ); }
  // redo last row if stage2
  const R = rows.length;
  const s2: number[] = [0]; const i2: number[] = []; const v2: number[] = [];
  for (const r of rows) { for (const j of r) { i2.push(j); v2.push(j >= nx && r.length !== nc ? -1 : 1); } s2.push(i2.length); }
  const integ = new Int32Array(ncol); for (let j = 0; j < nx; j++) integ[j] = 1;
  const t0 = performance.now();
  const m = highs.createModel({ numCols: ncol, numRows: R, sense: highs.constants.objectiveSense.maximize, colCost: cost, colLower: clo, colUpper: cup, rowLower: lo.map(x => x === Infinity ? highs.infinity : x), rowUpper: up.map(x => x === Infinity ? highs.infinity : x), matrix: { format: 'csr', numRows: R, numCols: ncol, starts: new Int32Array(s2), indices: new Int32Array(i2), values: new Float64Array(v2) }, integrality: integ });
  m.options.set({ output_flag: false, time_limit: 60, mip_rel_gap: 0 });
  m.run();
  const obj = m.getObjectiveValue(); const st = m.getModelStatus(); const bound = m.info.get('mip_dual_bound'); const nodes = m.info.get('mip_node_count');
  m.dispose();
  return { obj, st, bound, nodes, ms: performance.now() - t0, nx, R };
}
for (const [nc, ne, ns, d, restricted] of [[300, 30, 12, 0.2, false], [300, 30, 12, 0.2, true], [300, 30, 12, 0.35, true], [600, 60, 12, 0.1, true]] as const) {
  const inst = instance(nc, ne, ns, d, 1, restricted);
  const a = solve(inst, false);
  const b = solve(inst, true, Math.round(a.obj));
  console.log(nc, ne, ns, d, restricted, 'pairs', inst.pairs.length, 'stage1', a, 'stage2', b);
}
