"use client";

// The charts, in their own chunk: the page loads Recharts after its content (see ./lazy-charts.tsx).
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { chartColors } from "./chart-frame";

const axisTick = { fill: "currentColor", fontSize: 12 };
const margin = { top: 8, right: 8, bottom: 8, left: 0 };
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

type TurnoutPoint = { label: string; ofSupply: number; ofDelegated: number; quorumOfSupply: number };

export function TurnoutChart({ rows }: { rows: TurnoutPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart accessibilityLayer={false} data={rows} margin={margin}>
        <CartesianGrid strokeDasharray="3 3" stroke={chartColors.grid} />
        <XAxis dataKey="label" tick={axisTick} />
        <YAxis unit="%" tick={axisTick} />
        <Tooltip />
        <Legend />
        <Bar dataKey="ofSupply" name="of supply" fill={chartColors.primary} isAnimationActive={false} />
        <Bar dataKey="ofDelegated" name="of delegated" fill={chartColors.secondary} isAnimationActive={false} />
        <Line
          dataKey="quorumOfSupply"
          name="quorum"
          stroke={chartColors.accent}
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export function MarginChart({ rows }: { rows: { label: string; marginOfQuorum: number; reached: boolean }[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart accessibilityLayer={false} data={rows} margin={margin}>
        <CartesianGrid strokeDasharray="3 3" stroke={chartColors.grid} />
        <XAxis dataKey="label" tick={axisTick} />
        <YAxis unit="%" tick={axisTick} />
        <Tooltip />
        <ReferenceLine y={0} stroke={chartColors.axis} />
        <Bar dataKey="marginOfQuorum" name="margin (% of quorum)" isAnimationActive={false}>
          {rows.map((row, index) => (
            <Cell key={index} fill={row.reached ? chartColors.primary : chartColors.negative} />
          ))}
        </Bar>
      </ComposedChart>
    </ResponsiveContainer>
  );
}

export function SupplyChart({ points }: { points: { time: string; delegated: number; idle: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart accessibilityLayer={false} data={points} margin={{ ...margin, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" stroke={chartColors.grid} />
        <XAxis dataKey="time" tick={axisTick} minTickGap={40} />
        <YAxis tickFormatter={(value: number) => compact.format(value)} tick={axisTick} />
        <Tooltip />
        <Legend />
        <Area
          type="stepAfter"
          dataKey="delegated"
          stackId="supply"
          stroke={chartColors.primary}
          fill={chartColors.primary}
          isAnimationActive={false}
        />
        <Area
          type="stepAfter"
          dataKey="idle"
          stackId="supply"
          stroke={chartColors.axis}
          fill={chartColors.grid}
          isAnimationActive={false}
        />
      </AreaChart>
    </ResponsiveContainer>
  );
}

export function BandsChart({ bands }: { bands: { label: string; delegates: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart accessibilityLayer={false} data={bands} margin={margin}>
        <CartesianGrid strokeDasharray="3 3" stroke={chartColors.grid} />
        <XAxis dataKey="label" tick={axisTick} />
        <YAxis allowDecimals={false} tick={axisTick} />
        <Tooltip />
        <Bar dataKey="delegates" fill={chartColors.secondary} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
