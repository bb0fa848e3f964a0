/**
 * The sync_mode tables as an SVG bar chart: for check_buf and clear_buf,
 * bars per sync_mode without and with O_SYNC, ours (C) beside the
 * original's Zynq-7000, as ratios to sync_mode 0 so both fit one axis.
 */
import { type BenchName, ORIGINAL_SIZES, originalSeconds } from './original.js';
import { type SyncModeResults, ratioToMode0, seconds, sizeLabel } from './results.js';

const WIDTH = 860;
const PANEL_HEIGHT = 250;
const TOP = 78;
const LEFT = 56;
const RIGHT = 20;
const MODES = [0, 1, 2, 3, 4, 5, 6, 7];

interface Series {
  label: string;
  color: string;
  value(test: BenchName, mode: number): { ratio: number; seconds: number } | undefined;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The size the chart shows: the largest measured one the original also has, else the largest measured. */
function chartSize(r: SyncModeResults): number | undefined {
  const measured = r.sizes.filter((s) => s.available).map((s) => s.bytes);
  const common = measured.filter((b) => (ORIGINAL_SIZES as readonly number[]).includes(b));
  return Math.max(...(common.length ? common : measured)) || undefined;
}

function series(r: SyncModeResults, size: number): Series[] {
  const ours = (oSync: boolean) => (test: BenchName, mode: number) => {
    const c = { test, impl: 'c' as const, size, sync_mode: mode, o_sync: oSync };
    const ratio = ratioToMode0(r, c);
    const s = seconds(r, c);
    return ratio === undefined || s === undefined ? undefined : { ratio, seconds: s };
  };
  const zynq = (oSync: boolean) => (test: BenchName, mode: number) => {
    const s = originalSeconds(test, mode, oSync, size);
    const s0 = originalSeconds(test, 0, oSync, size);
    return s === undefined || s0 === undefined ? undefined : { ratio: s / s0, seconds: s };
  };
  const here = r.machine.emulated ? `${r.machine.arch} (emulated)` : r.machine.arch;
  return [
    { label: `${here}, without O_SYNC`, color: '#1f6fb4', value: ours(false) },
    { label: `${here}, with O_SYNC`, color: '#e8731a', value: ours(true) },
    { label: 'Zynq-7000 (original), without O_SYNC', color: '#9fc3e6', value: zynq(false) },
    { label: 'Zynq-7000 (original), with O_SYNC', color: '#f7c08f', value: zynq(true) },
  ];
}

function panel(test: BenchName, all: Series[], y0: number): string {
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = PANEL_HEIGHT - 60;
  const values = all.flatMap((s) => MODES.map((m) => s.value(test, m)?.ratio ?? 0));
  const top = Math.max(1, Math.ceil(Math.max(...values)));
  const step = top <= 2 ? 0.5 : top <= 8 ? 1 : 2;
  const y = (v: number) => y0 + 24 + plotH - (v / top) * plotH;
  const out: string[] = [
    `<text x="${LEFT}" y="${y0 + 14}" class="panel">${test} — time ÷ sync_mode 0</text>`,
  ];
  for (let v = 0; v <= top + 1e-9; v += step) {
    out.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${y(v)}" y2="${y(v)}" class="grid"/>`,
      `<text x="${LEFT - 6}" y="${y(v) + 4}" class="tick" text-anchor="end">${v}×</text>`);
  }
  const groupW = plotW / MODES.length;
  const barW = (groupW - 16) / all.length;
  for (const mode of MODES) {
    const gx = LEFT + mode * groupW + 8;
    all.forEach((s, i) => {
      const v = s.value(test, mode);
      if (!v) return;
      const h = y(0) - y(v.ratio);
      out.push(`<rect x="${(gx + i * barW).toFixed(1)}" y="${y(v.ratio).toFixed(1)}" width="${(barW - 1).toFixed(1)}" ` +
        `height="${h.toFixed(1)}" fill="${s.color}"><title>${escape(s.label)}: sync_mode ${mode}, ` +
        `${v.seconds.toFixed(3)} s, ×${v.ratio.toFixed(2)}</title></rect>`);
    });
    out.push(`<text x="${gx + (groupW - 16) / 2}" y="${y(0) + 16}" class="tick" text-anchor="middle">${mode}</text>`);
  }
  out.push(`<text x="${LEFT + plotW / 2}" y="${y(0) + 32}" class="tick" text-anchor="middle">sync_mode</text>`);
  return out.join('\n');
}

/** The chart as an SVG document. */
export function svgChart(r: SyncModeResults): string {
  const size = chartSize(r);
  const height = TOP + 2 * PANEL_HEIGHT + 10;
  const head = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ` +
      'font-family="DejaVu Sans, Arial, sans-serif">',
    '<style>.title{font-size:16px;font-weight:bold}.note{font-size:11px;fill:#444}' +
      '.panel{font-size:13px;font-weight:bold}.tick{font-size:11px;fill:#333}.grid{stroke:#ddd}' +
      '.legend{font-size:11px}</style>',
    '<rect width="100%" height="100%" fill="white"/>',
    `<text x="${LEFT}" y="20" class="title">u-dma-buf sync_mode × O_SYNC — ${escape(r.machine.arch)}` +
      `${size ? `, ${sizeLabel(size)}` : ''}, C check_buf / clear_buf</text>`,
    `<text x="${LEFT}" y="37" class="note">${escape(r.machine.emulated
      ? 'Emulated board: QEMU does not model caches, so no mode can be slower here. Zynq bars: the original README.'
      : 'Real hardware. Zynq bars: the original README.')}</text>`,
  ];
  if (!size) return [...head, `<text x="${LEFT}" y="70">no size could be measured</text>`, '</svg>', ''].join('\n');
  const all = series(r, size);
  const legend = all.map((s, i) => {
    const x = LEFT + (i % 2) * 380;
    const yy = 50 + Math.floor(i / 2) * 14;
    return `<rect x="${x}" y="${yy - 9}" width="10" height="10" fill="${s.color}"/>` +
      `<text x="${x + 14}" y="${yy}" class="legend">${escape(s.label)}</text>`;
  });
  return [
    ...head, ...legend,
    panel('check_buf', all, TOP),
    panel('clear_buf', all, TOP + PANEL_HEIGHT),
    '</svg>', '',
  ].join('\n');
}
