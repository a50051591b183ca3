// The response a picked request received: for a refused one the 429 with Retry-After and the
// X-RateLimit headers, computed from the limiter's logged decision; for an accepted one its
// remaining allowance (and, for the leaky bucket, how long it waited in the queue). Buttons
// step through recent requests, so the timeline is usable without a mouse.
import type { ParamValue } from '../../../sim/params.ts';
import type { RecentRequests, RequestView } from './recentRequests.ts';

interface Props {
  readonly request: RequestView | null;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly store: RecentRequests;
  readonly onSelect: (r: RequestView) => void;
}

/** What X-RateLimit-Limit reports for each algorithm, and what that number means. */
function allowance(params: Readonly<Record<string, ParamValue>>): { value: number; what: string } {
  const w = Number(params.windowS);
  switch (params.algorithm) {
    case 'token-bucket':
      return {
        value: Number(params.bucketCapacity),
        what: `the bucket’s capacity (refilled at ${Number(params.refillRate)} tokens/s)`,
      };
    case 'leaky-bucket':
      return {
        value: Number(params.queueSize),
        what: `the places in the queue (drained at ${Number(params.drainRate)} requests/s)`,
      };
    default:
      return { value: Number(params.limit), what: `requests per ${w} s window` };
  }
}

const secs = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(1));

export function RequestInspector({ request, params, store, onSelect }: Props) {
  const pick = (r: RequestView | undefined) => {
    if (r) onSelect(r);
  };
  const local = params.centralStore !== true && Number(params.gateways) > 1;
  return (
    <section className="rl-inspector" aria-label="Request inspector">
      <div className="rl-inspector-nav" role="group" aria-label="Pick a request">
        <button type="button" onClick={() => pick(store.latest(true))}>
          Latest refused request
        </button>
        <button type="button" onClick={() => pick(store.latest())}>
          Latest request
        </button>
        <button
          type="button"
          disabled={!request}
          onClick={() => request && pick(store.neighbour(request.seq, -1))}
        >
          Previous request
        </button>
        <button
          type="button"
          disabled={!request}
          onClick={() => request && pick(store.neighbour(request.seq, 1))}
        >
          Next request
        </button>
      </div>
      <div aria-live="polite">
        {request ? (
          <Response request={request} params={params} local={local} />
        ) : (
          <p className="rl-hint">
            Click a tick on the timeline, or use the buttons, to see the response a request got.
          </p>
        )}
      </div>
    </section>
  );
}

function Response({
  request: r,
  params,
  local,
}: {
  request: RequestView;
  params: Readonly<Record<string, ParamValue>>;
  local: boolean;
}) {
  const a = allowance(params);
  const retry = Math.max(1, Math.ceil(r.retryAfterS));
  const reset = Math.ceil(r.resetInS);
  const where = `Request #${r.seq} at ${r.t.toFixed(2)} s, answered by gateway ${r.gateway + 1}`;
  const headers = r.allowed
    ? ['HTTP/1.1 200 OK']
    : ['HTTP/1.1 429 Too Many Requests', `Retry-After: ${retry}`];
  if (!r.outage) {
    headers.push(
      `X-RateLimit-Limit: ${a.value}`,
      `X-RateLimit-Remaining: ${r.remaining}`,
      `X-RateLimit-Reset: ${reset}`,
    );
  }
  return (
    <div className={r.allowed ? 'rl-response rl-response--ok' : 'rl-response rl-response--refused'}>
      <h3>
        {where}: {r.allowed ? 'allowed' : 'refused'}
      </h3>
      <pre aria-label="Response status and headers">{headers.join('\n')}</pre>
      {r.outage ? (
        <p>
          {r.allowed
            ? 'The counter store was unreachable and the gateway fails open: it let the request through without counting it, so no rate-limit headers could be computed.'
            : `The counter store was unreachable and the gateway fails closed: it refused the request without counting it. Retry-After points at the end of the outage, ${retry} s away.`}
        </p>
      ) : r.allowed ? (
        <p>
          The limiter had room: after this request {r.remaining} more{' '}
          {r.remaining === 1 ? 'is' : 'are'} allowed right away.
          {r.delayS > 0 &&
            ` It waited ${secs(r.delayS)} s in the leaky bucket’s queue before going on to the API.`}
          {reset > 0 && ` The allowance next grows (or resets) in about ${reset} s.`}
        </p>
      ) : (
        <p>
          Retry-After tells the client to wait {retry} s (rounded up from {secs(r.retryAfterS)} s)
          before trying again. X-RateLimit-Limit is {a.value}, {a.what}
          {local ? ', on this gateway alone' : ''}; Remaining is {r.remaining}. Reset is shown as
          seconds from this response ({secs(r.resetInS)} s, rounded up): real APIs often send the
          moment itself as a Unix timestamp, which this simulation without a wall clock cannot give.
        </p>
      )}
    </div>
  );
}
