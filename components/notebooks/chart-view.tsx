"use client";

import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Pie, PieChart, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartData } from "./chart-data";
import type { ChartConfig } from "./types";

const COLORS = ["#1764d6", "#18a0a0", "#e8833a", "#b04fc6", "#3aa757", "#d64545", "#8a6d3b", "#5b6470", "#2fb5e8", "#c9a400", "#7f56d9", "#e06c9f"];

const axis = { stroke: "var(--muted)", tick: { fill: "var(--muted)", fontSize: 12 } };
const tooltip = { contentStyle: { background: "var(--panel)", border: "1px solid var(--border)", color: "var(--text)" } };

/** Recharts in the studio's colours; the chart type decides the shape. */
export function ChartView({ config, data }: { config: ChartConfig; data: ChartData }) {
  return (
    <figure className="chart" aria-label={`${config.type} chart of ${config.y.join(", ")} by ${config.x}`} data-testid="chart">
      <ResponsiveContainer width="100%" height={300}>
        {shape(config, data)}
      </ResponsiveContainer>
    </figure>
  );
}

function shape(config: ChartConfig, data: ChartData) {
  const grid = <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />;
  const legend = data.series.length > 1 ? <Legend /> : null;
  // Recharts 3 registers children through context, so the shared axes can sit in a fragment.
  const frame = (
    <>
      {grid}
      <XAxis dataKey="x" {...axis} />
      <YAxis {...axis} />
      <Tooltip {...tooltip} />
      {legend}
    </>
  );
  switch (config.type) {
    case "pie":
      return (
        <PieChart>
          <Tooltip {...tooltip} />
          <Pie data={data.rows} dataKey="value" nameKey="name" outerRadius={110} isAnimationActive={false} label>
            {data.rows.map((row, i) => (
              <Cell key={String(row.name)} fill={COLORS[i % COLORS.length]} />
            ))}
          </Pie>
        </PieChart>
      );
    case "scatter":
      return (
        <ScatterChart>
          {grid}
          <XAxis dataKey="x" type="number" name={config.x} {...axis} />
          <YAxis type="number" dataKey={data.series[0]} name={config.y[0]} {...axis} />
          <Tooltip {...tooltip} />
          <Scatter data={data.rows} fill={COLORS[0]} isAnimationActive={false} />
        </ScatterChart>
      );
    case "line":
      return (
        <LineChart data={data.rows}>
          {frame}
          {data.series.map((s, i) => (
            <Line key={s} dataKey={s} stroke={COLORS[i % COLORS.length]} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      );
    case "area":
      return (
        <AreaChart data={data.rows}>
          {frame}
          {data.series.map((s, i) => (
            <Area key={s} dataKey={s} stroke={COLORS[i % COLORS.length]} fill={COLORS[i % COLORS.length]} fillOpacity={0.25} isAnimationActive={false} />
          ))}
        </AreaChart>
      );
    default:
      return (
        <BarChart data={data.rows}>
          {frame}
          {data.series.map((s, i) => (
            <Bar key={s} dataKey={s} fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      );
  }
}
