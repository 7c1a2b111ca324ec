/**
 * The drawing the sweep charts need beyond Chart.js itself: error bars (a mean's interval as
 * a whisker, which also shows for a single point, where a band would have no width), the
 * value and interval width written in each heatmap cell, a heatmap colour bar, and a
 * reference line (the seed-noise level of a sensitivity chart). Chart specs stay plain JSON;
 * the extras ride on the datasets (errorBars, coalsimCells, coalsimColorBar, coalsimRefLine)
 * and this one self-contained function turns a spec into a Chart.js configuration. The PNG
 * renderer calls it, and sweep-report.html inlines its source, so both draw the same.
 */

/* The function body must not refer to anything outside itself: its source is inlined in the page. */
/* Chart.js hands plugins untyped chart internals (and the page has no types): `any` here is honest. */
export function finishSweepConfig(spec: any): any {
  const config = JSON.parse(JSON.stringify(spec));
  const plugin = {
    id: 'coalsimSweep',
    afterDatasetsDraw(chart: any) {
      const ctx = chart.ctx;
      const horizontal = chart.options.indexAxis === 'y';
      chart.data.datasets.forEach((ds: any, i: number) => {
        if (!chart.isDatasetVisible(i)) return;
        const meta = chart.getDatasetMeta(i);
        if (ds.errorBars) {
          const scale = horizontal ? chart.scales.x : chart.scales.y;
          ctx.save();
          ctx.strokeStyle = ds.errorBarColor || '#222222';
          ctx.lineWidth = 2;
          meta.data.forEach((el: any, k: number) => {
            const b = ds.errorBars[k];
            if (!b || b[0] === null || b[1] === null) return;
            const p0 = scale.getPixelForValue(b[0]);
            const p1 = scale.getPixelForValue(b[1]);
            const cap = 7;
            ctx.beginPath();
            if (horizontal) {
              ctx.moveTo(p0, el.y); ctx.lineTo(p1, el.y);
              ctx.moveTo(p0, el.y - cap); ctx.lineTo(p0, el.y + cap);
              ctx.moveTo(p1, el.y - cap); ctx.lineTo(p1, el.y + cap);
            } else {
              ctx.moveTo(el.x, p0); ctx.lineTo(el.x, p1);
              ctx.moveTo(el.x - cap, p0); ctx.lineTo(el.x + cap, p0);
              ctx.moveTo(el.x - cap, p1); ctx.lineTo(el.x + cap, p1);
            }
            ctx.stroke();
          });
          ctx.restore();
        }
        if (ds.coalsimCells) {
          const cells = ds.coalsimCells;
          const size = Math.max(9, Math.min(18, Math.floor((ds.pointRadius || 20) / 2.6)));
          ctx.save();
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          meta.data.forEach((el: any, k: number) => {
            const lines = String(cells.labels[k] || '').split('\n');
            ctx.fillStyle = cells.textColours[k] || '#000000';
            lines.forEach((line: string, j: number) => {
              ctx.font = (j === 0 ? 'bold ' : '') + (j === 0 ? size : Math.round(size * 0.85)) + 'px ' + chart.options.font.family;
              ctx.fillText(line, el.x, el.y + (j - (lines.length - 1) / 2) * size * 1.15);
            });
          });
          ctx.restore();
        }
        if (ds.coalsimRefLine) {
          const line = ds.coalsimRefLine;
          const scale = horizontal ? chart.scales.x : chart.scales.y;
          const p = scale.getPixelForValue(line.value);
          const area = chart.chartArea;
          ctx.save();
          ctx.strokeStyle = '#D55E00';
          ctx.lineWidth = 2;
          ctx.setLineDash([8, 6]);
          ctx.beginPath();
          if (horizontal) { ctx.moveTo(p, area.top); ctx.lineTo(p, area.bottom); } else { ctx.moveTo(area.left, p); ctx.lineTo(area.right, p); }
          ctx.stroke();
          ctx.setLineDash([]);
          ctx.fillStyle = '#D55E00';
          ctx.font = Math.round(chart.options.font.size * 0.8) + 'px ' + chart.options.font.family;
          ctx.textAlign = horizontal ? 'left' : 'right';
          ctx.fillText(line.label, horizontal ? p + 6 : area.right - 4, horizontal ? area.top + 14 : p - 6);
          ctx.restore();
        }
        if (ds.coalsimColorBar) {
          const bar = ds.coalsimColorBar;
          const area = chart.chartArea;
          const x = area.right + 28;
          const w = 24;
          const grad = ctx.createLinearGradient(0, area.bottom, 0, area.top);
          bar.stops.forEach((c: string, k: number) => grad.addColorStop(k / (bar.stops.length - 1), c));
          ctx.save();
          ctx.fillStyle = grad;
          ctx.fillRect(x, area.top, w, area.bottom - area.top);
          ctx.strokeStyle = '#222222';
          ctx.strokeRect(x, area.top, w, area.bottom - area.top);
          ctx.fillStyle = '#222222';
          ctx.font = Math.round(chart.options.font.size * 0.75) + 'px ' + chart.options.font.family;
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          bar.ticks.forEach((t: any) => {
            const y = area.bottom - t.at * (area.bottom - area.top);
            ctx.fillText(t.label, x + w + 6, y);
          });
          ctx.translate(x + w + 6 + bar.tickWidth, (area.top + area.bottom) / 2);
          ctx.rotate(-Math.PI / 2);
          ctx.textAlign = 'center';
          ctx.fillText(bar.title, 0, 14);
          ctx.restore();
        }
      });
    },
  };
  config.plugins = [plugin];
  return config;
}
