import { Bar, BarChart, Cell, Pie, PieChart, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Status } from '../../core/schema/common';
import type { Snapshot } from '../../core/schema/municipality';
import { scoreColour } from '../../core/plan/charts';
import { useI18n } from '../i18n';
import TrendChart, { type TrendSeries } from './TrendChart';

const STATUS_COLOUR = { not_started: '#9aa3ad', in_progress: '#d49a1f', in_place: '#2f8a4c', not_relevant: '#d8dde2' } as const;

export type DashboardPictureProps =
  | { kind: 'drivers'; drivers: Array<{ name: string; score: number }> }
  | { kind: 'wheel'; phases: Array<{ name: string; value: number; percent: number | null }> }
  | { kind: 'status'; counts: Array<{ status: Status; name: string; count: number }> }
  | { kind: 'trend'; rounds: readonly Snapshot[]; series: readonly TrendSeries[]; caption: string };

/** The dashboard's pictures (recharts), loaded after the numbers are on screen. */
export default function DashboardPicture(props: DashboardPictureProps) {
  const { formatPercent } = useI18n();
  switch (props.kind) {
    case 'drivers':
      return (
        <ResponsiveContainer width="100%" height={260}>
          <RadarChart data={props.drivers} outerRadius="72%" accessibilityLayer={false}>
            <PolarGrid />
            <PolarAngleAxis dataKey="name" tick={{ fontSize: 13, fill: '#1f2933' }} />
            <PolarRadiusAxis domain={[0, 100]} tickCount={5} tick={{ fontSize: 10 }} />
            <Radar dataKey="score" stroke="#1d5c8c" fill="#1d5c8c" fillOpacity={0.35} isAnimationActive={false} />
          </RadarChart>
        </ResponsiveContainer>
      );
    case 'wheel':
      return (
        <ResponsiveContainer width="100%" height={260}>
          <PieChart accessibilityLayer={false}>
            <Pie
              data={props.phases}
              dataKey="value"
              nameKey="name"
              innerRadius="45%"
              outerRadius="80%"
              rootTabIndex={-1}
              startAngle={90}
              endAngle={-270}
              isAnimationActive={false}
              label={({ name, payload }: { name?: string; payload?: { percent: number | null } }) => `${name ?? ''} ${formatPercent(payload?.percent ?? null)}`}
              labelLine={false}
            >
              {props.phases.map((p) => (
                <Cell key={p.name} fill={scoreColour(p.percent)} stroke="#fff" strokeWidth={3} />
              ))}
            </Pie>
          </PieChart>
        </ResponsiveContainer>
      );
    case 'status':
      return (
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={props.counts} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer={false}>
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 13, fill: '#1f2933' }} />
            <Bar dataKey="count" isAnimationActive={false} label={{ position: 'right', fill: '#1f2933' }}>
              {props.counts.map((c) => (
                <Cell key={c.status} fill={STATUS_COLOUR[c.status]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      );
    case 'trend':
      return <TrendChart rounds={props.rounds} series={props.series} caption={props.caption} />;
  }
}
