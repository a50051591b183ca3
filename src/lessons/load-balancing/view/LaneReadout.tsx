// Numbers under the animation: simulated time, request counts and, after a membership change
// under a hashing algorithm, the share of clients that moved to another server.
import type { LaneSnapshot } from '../../../sim/worker/protocol.ts';

interface Props {
  readonly snapshot: LaneSnapshot | undefined;
  readonly name: (i: number) => string;
}

const fmt = new Intl.NumberFormat('en');

export function LaneReadout({ snapshot, name }: Props) {
  if (!snapshot) return null;
  const v = snapshot.values;
  const down: string[] = [];
  const up = snapshot.arrays.up;
  const routable = snapshot.arrays.routable;
  for (let i = 0; i < (up?.length ?? 0); i++) {
    if (up?.[i] === 0)
      down.push(
        `${name(i)} is down${routable?.[i] === 1 ? ' (the balancer has not noticed yet)' : ''}`,
      );
    else if (routable?.[i] === 0) down.push(`${name(i)} is back but still marked down`);
  }
  const remapped = v.remappedShare;
  return (
    <dl className="readout" aria-label="Run figures">
      <div>
        <dt>Simulated time</dt>
        <dd>{(snapshot.nowS ?? 0).toFixed(1)} s</dd>
      </div>
      <div>
        <dt>Arrived</dt>
        <dd>{fmt.format(v.arrived ?? 0)}</dd>
      </div>
      <div>
        <dt>Completed</dt>
        <dd>{fmt.format(v.completed ?? 0)}</dd>
      </div>
      <div>
        <dt>Rejected (queue full)</dt>
        <dd>{fmt.format(v.rejected ?? 0)}</dd>
      </div>
      <div>
        <dt>Failed</dt>
        <dd>{fmt.format(v.failed ?? 0)}</dd>
      </div>
      <div>
        <dt>In the system</dt>
        <dd>{fmt.format(v.inSystem ?? 0)}</dd>
      </div>
      {remapped !== undefined && Number.isFinite(remapped) && (
        <div>
          <dt>Clients remapped at the last change</dt>
          <dd>{(remapped * 100).toFixed(1)} %</dd>
        </div>
      )}
      {down.length > 0 && (
        <div className="readout-wide">
          <dt>Health</dt>
          <dd>{down.join('; ')}</dd>
        </div>
      )}
    </dl>
  );
}
