import { useEffect, useRef } from 'react';
import {
  Chart,
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  Tooltip,
  Filler,
} from 'chart.js';
import { yuan } from '../money';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Filler);

export interface PricePoint {
  at: number; // ms, server time
  fen: number;
}

/** The price over time (stepped: a price holds until the next bid). */
export function PriceChart({ points, label, lang }: { points: PricePoint[]; label: string; lang: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line', { x: number; y: number }[]> | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new Chart(canvas.current, {
      type: 'line',
      data: { datasets: [{ label, data: [], stepped: true, borderColor: '#d0021b', backgroundColor: 'rgba(208,2,27,.08)', fill: true, pointRadius: 0 }] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        scales: {
          x: { type: 'linear', ticks: { maxTicksLimit: 6, callback: (v) => new Date(Number(v)).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB') } },
          y: { type: 'linear', beginAtZero: true, ticks: { callback: (v) => yuan(Number(v), lang) } },
        },
        plugins: { tooltip: { callbacks: { label: (item) => yuan(Number(item.parsed.y), lang) } } },
      },
    });
    return () => chart.current?.destroy();
  }, [label, lang]);

  useEffect(() => {
    if (!chart.current) return;
    chart.current.data.datasets[0].data = points.map((p) => ({ x: p.at, y: p.fen }));
    chart.current.update('none');
  }, [points]);

  return (
    <div className="chart" role="img" aria-label={label}>
      <canvas ref={canvas} data-testid="price-chart" />
    </div>
  );
}
