// The latest scaling actions of one lane, newest first: when (time of day), the change in
// instances, and the policy's reason in words ("CPU 83 % above target 70 % for 3 periods: +5").
import { memo } from 'react';
import type { ParamValue } from '../../../sim/params.ts';
import type { LaneSnapshot } from '../../../sim/worker/protocol.ts';
import { ACTION_FIELDS } from './packed.ts';
import { actionReason, unpackActions } from './actions.ts';
import { timeOfDayText } from './clock.ts';

/** Actions listed. */
const SHOWN = 12;

interface Props {
  readonly snapshot: LaneSnapshot | undefined;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly heading: string;
}

function ActionLogImpl({ snapshot, params, heading }: Props) {
  const packed = snapshot?.arrays.actions;
  const actions = unpackActions(packed, SHOWN).reverse();
  const total = Math.floor((packed?.length ?? 0) / ACTION_FIELDS);
  const startHour = Number(params.startHour);
  const schedule = {
    scheduleStartHour: Number(params.scheduleStartHour),
    scheduleEndHour: Number(params.scheduleEndHour),
  };
  return (
    <section className="panel as-log" aria-label={heading}>
      <h2>{heading}</h2>
      {actions.length === 0 ? (
        <p className="as-hint">No scaling action yet: the autoscaler has not needed to act.</p>
      ) : (
        <>
          <p className="as-hint">
            The latest {actions.length} of {total} actions, newest first.
          </p>
          <ol className="as-log-list">
            {actions.map((a) => (
              <li key={`${a.atS}-${a.from}-${a.to}`} className={a.to > a.from ? 'is-out' : 'is-in'}>
                <span className="as-log-time">{timeOfDayText(a.atS, startHour)}</span>
                <span className="as-log-change">
                  {a.from} → {a.to}
                </span>
                <span className="as-log-reason">{actionReason(a, schedule)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

export const ActionLog = memo(ActionLogImpl);
