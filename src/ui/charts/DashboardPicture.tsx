import { Bar, BarChart, Cell, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Status } from '../../core/schema/common';
import type { Snapshot } from '../../core/schema/municipality';
import type { GroupScore } from '../../core/scoring/score';
import { DriverBars } from './DriverBars';
import TrendChart, { type TrendSeries } from './TrendChart';
import { Wheel, type WheelPhase } from './Wheel';

/** The status line colours of theme/tokens.css (SVG fills cannot read CSS variables in every renderer). */
const STATUS_COLOUR = { not_started: '#7d8995', in_progress: '#c48a10', in_place: '#2f8a4c', not_relevant: '#b9c2cb' } as const;

export type DashboardPictureProps =
  | { kind: 'drivers'; drivers: readonly GroupScore[] }
  | { kind: 'wheel'; phases: readonly WheelPhase[] }
  | { kind: 'status'; counts: Array<{ status: Status; name: string; count: number }> }
  | { kind: 'trend'; rounds: readonly Snapshot[]; series: readonly TrendSeries[]; caption: string };

/** The dashboard's pictures (recharts), loaded after the numbers are on screen. */
export default function DashboardPicture(props: DashboardPictureProps) {
  switch (props.kind) {
    case 'drivers':
      return <DriverBars drivers={props.drivers} />;
    case 'wheel':
      return <Wheel phases={props.phases} />;
    case 'status':
      return (
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={props.counts} layout="vertical" margin={{ left: 24, right: 24 }} accessibilityLayer={false}>
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 13, fill: '#16212c' }} />
            <Bar dataKey="count" isAnimationActive={false} radius={[0, 4, 4, 0]} label={{ position: 'right', fill: '#16212c', fontWeight: 600 }}>
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
