import type { Status } from '../../core/schema/common';
import type { Snapshot } from '../../core/schema/municipality';
import type { GroupScore } from '../../core/scoring/score';
import { DriverBars } from './DriverBars';
import { StatusBars } from './StatusBars';
import TrendChart, { type TrendSeries } from './TrendChart';
import { Wheel, type WheelPhase } from './Wheel';

export type DashboardPictureProps =
  | { kind: 'drivers'; drivers: readonly GroupScore[] }
  | { kind: 'wheel'; phases: readonly WheelPhase[] }
  | { kind: 'status'; counts: Array<{ status: Status; name: string; count: number }> }
  | { kind: 'trend'; rounds: readonly Snapshot[]; series: readonly TrendSeries[]; caption: string };

/** The dashboard's pictures, loaded after the numbers are on screen. */
export default function DashboardPicture(props: DashboardPictureProps) {
  switch (props.kind) {
    case 'drivers':
      return <DriverBars drivers={props.drivers} />;
    case 'wheel':
      return <Wheel phases={props.phases} />;
    case 'status':
      return <StatusBars counts={props.counts} />;
    case 'trend':
      return <TrendChart rounds={props.rounds} series={props.series} caption={props.caption} />;
  }
}
