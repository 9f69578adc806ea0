// The bureau's charts on Apache ECharts (loaded by bureau.html as the classic script
// /vendor/echarts.min.js, so `window.echarts`). Every chart's option object stays reachable for
// tests and for anyone curious: its container carries data-chart-kind="<name>" and
// window.__junhengCharts[<name>] is the option it was drawn with.

const registry = (globalThis.__junhengCharts = globalThis.__junhengCharts || {});
const live = new Set();

// Draws `option` into `el` under `name`; the option is registered even when ECharts could not be
// loaded (the container then says so).
export function renderChart(el, name, option) {
  el.dataset.chartKind = name;
  registry[name] = option;
  const echarts = globalThis.echarts;
  if (!echarts) {
    el.textContent = '图表组件未能加载（/vendor/echarts.min.js），数据见下方表格。';
    el.classList.add('chart-missing');
    return null;
  }
  const chart = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption(option, true);
  live.add(chart);
  return chart;
}

// Disposes the charts inside `root` (before a view is drawn again) and forgets their options.
export function disposeCharts(root) {
  const echarts = globalThis.echarts;
  for (const el of root.querySelectorAll('[data-chart-kind]')) {
    delete registry[el.dataset.chartKind];
    const chart = echarts?.getInstanceByDom(el);
    if (chart) {
      live.delete(chart);
      chart.dispose();
    }
  }
}

let resizeTimer = 0;
globalThis.addEventListener?.('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    for (const chart of live) {
      if (chart.isDisposed()) live.delete(chart);
      else chart.resize();
    }
  }, 150);
});

// Before printing, charts take the printed page's width.
globalThis.addEventListener?.('beforeprint', () => {
  for (const chart of live) if (!chart.isDisposed()) chart.resize();
});
