import { scoreColour } from '../../core/plan/charts';
import { useI18n } from '../i18n';

export interface WheelPhase {
  id: string;
  title: string;
  percent: number | null;
  focusAreas: Array<{ id: string; title: string; percent: number | null }>;
}

const WIDTH = 760;
const HEIGHT = 470;
const CX = WIDTH / 2;
const CY = HEIGHT / 2;
const INNER = 92;
const OUTER = 150;
const FOCUS_INNER = 156;
const FOCUS_OUTER = 178;
/** How far (in degrees) each segment's arrow tip reaches into the next: the wheel turns clockwise. */
const TIP = 7;
const GAP = 2.5;

function point(r: number, degrees: number): string {
  const a = (degrees * Math.PI) / 180;
  return `${(CX + r * Math.sin(a)).toFixed(1)} ${(CY - r * Math.cos(a)).toFixed(1)}`;
}

/** An annular segment from a0 to a1 (clockwise from 12 o'clock), pointed at its end and notched at its start. */
function arrowSegment(a0: number, a1: number): string {
  const mid = (INNER + OUTER) / 2;
  const large = a1 - a0 > 180 ? 1 : 0;
  return [
    `M ${point(OUTER, a0)}`,
    `A ${OUTER} ${OUTER} 0 ${large} 1 ${point(OUTER, a1)}`,
    `L ${point(mid, a1 + TIP)}`,
    `L ${point(INNER, a1)}`,
    `A ${INNER} ${INNER} 0 ${large} 0 ${point(INNER, a0)}`,
    `L ${point(mid, a0 + TIP)}`,
    'Z',
  ].join(' ');
}

function ring(r0: number, r1: number, a0: number, a1: number): string {
  const large = a1 - a0 > 180 ? 1 : 0;
  return `M ${point(r1, a0)} A ${r1} ${r1} 0 ${large} 1 ${point(r1, a1)} L ${point(r0, a1)} A ${r0} ${r0} 0 ${large} 0 ${point(r0, a0)} Z`;
}

/** The phase that needs attention now: the first one, in the wheel's order, not yet at 75 %. */
export function focusPhase(phases: readonly WheelPhase[]): WheelPhase | undefined {
  return phases.find((p) => p.percent !== null && p.percent < 75);
}

/**
 * The implementation wheel as the method draws it: the phases in order round a circle, each an
 * arrow into the next, coloured by score, with the focus areas in an outer ring. The number and
 * the name stand beside each segment, so colour is never the only signal.
 */
export function Wheel({ phases }: { phases: readonly WheelPhase[] }) {
  const { t, formatPercent } = useI18n();
  const step = 360 / Math.max(phases.length, 1);
  const focus = focusPhase(phases);
  return (
    <figure className="wheel">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="wheel-svg" role="img" aria-label={phases.map((p) => `${p.title} ${formatPercent(p.percent)}`).join(', ')}>
        {phases.map((phase, n) => {
          const a0 = n * step + GAP;
          const a1 = (n + 1) * step - GAP - TIP;
          const isFocus = focus?.id === phase.id;
          const areaStep = (a1 + TIP - a0) / Math.max(phase.focusAreas.length, 1);
          const labelAngle = n * step + step / 2;
          const right = Math.sin((labelAngle * Math.PI) / 180) >= 0;
          const [lx, ly] = point(FOCUS_OUTER + 14, labelAngle).split(' ').map(Number) as [number, number];
          const lines = [phase.title, formatPercent(phase.percent), ...phase.focusAreas.map((f) => f.title)];
          // Labels grow away from the wheel: upwards above the middle, downwards below it.
          const upper = Math.cos((labelAngle * Math.PI) / 180) > 0;
          const top = upper ? ly - (lines.length - 1) * 17 - 2 : ly + 14;
          return (
            <g key={phase.id} data-phase={phase.id}>
              <path d={arrowSegment(a0, a1)} fill={scoreColour(phase.percent)} stroke="#ffffff" strokeWidth={2} />
              {isFocus && <path d={ring(INNER - 7, INNER - 3, a0, a1 + TIP)} fill="#16212c" />}
              {phase.focusAreas.map((area, k) => (
                <path key={area.id} d={ring(FOCUS_INNER, FOCUS_OUTER, a0 + k * areaStep + 1, a0 + (k + 1) * areaStep - 1)} fill={scoreColour(area.percent)} fillOpacity={0.45} stroke={scoreColour(area.percent)} strokeWidth={1} />
              ))}
              <text x={lx} y={top} textAnchor={right ? 'start' : 'end'} className="wheel-label">
                {lines.map((line, k) => (
                  <tspan key={k} x={lx} dy={k === 0 ? 0 : k === 1 ? 19 : 17} className={k === 0 ? 'wheel-phase' : k === 1 ? 'wheel-percent' : 'wheel-area'}>
                    {k >= 2 ? `· ${line}` : line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
        <circle cx={CX} cy={CY} r={INNER - 8} fill="#ffffff" stroke="#d5dce3" />
        {focus ? (
          <text x={CX} y={CY - 4} textAnchor="middle" className="wheel-centre">
            <tspan x={CX} className="wheel-centre-kicker">
              {t('design.wheel.focus')}
            </tspan>
            <tspan x={CX} dy={20} className="wheel-centre-phase">
              {focus.title}
            </tspan>
          </text>
        ) : null}
      </svg>
      <figcaption className="chart-legend">
        <span className="chart-legend-title">{t('design.wheel.legend')}:</span>
        {(
          [
            [20, 'design.wheel.low'],
            [50, 'design.wheel.mid'],
            [90, 'design.wheel.high'],
            [null, 'design.wheel.none'],
          ] as const
        ).map(([value, key]) => (
          <span key={key} className="chart-legend-item">
            <span className="chart-swatch" style={{ background: scoreColour(value) }} aria-hidden="true" />
            {t(key)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
