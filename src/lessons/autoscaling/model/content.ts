// The autoscaling lesson's text as data (plain strings): hook, key ideas, what to notice, the
// model's assumptions and the mermaid diagram of the feedback loop.
import type { LessonContent, LessonSection } from '../../../sim/content.ts';

const hook =
  'Every morning at 09:00 your traffic jumps to five times its night-time level. The autoscaler notices, launches instances, and three minutes later they are ready, by which time users have already waited, timed out and given up. Below, a day of that traffic runs in seconds. Watch the fleet chase demand, count what the delays cost, then try to make the loop faster, calmer or cheaper.';

const sections: readonly LessonSection[] = [
  {
    title: 'A loop that seeks a target',
    paragraphs: [
      'An autoscaler is a balancing feedback loop, like a thermostat. It measures a metric such as average CPU, compares it with a target, and changes the number of instances to close the gap. More instances spread the load thinner, the metric falls back towards its target, and the loop goes quiet until demand moves again.',
      'Target tracking sizes the fleet in proportion: CPU at 90 % against a 70 % target asks for about 90/70 as many instances. Step and simple scaling instead add a fixed number whenever the metric has been past a threshold for enough periods.',
    ],
  },
  {
    title: 'Where the delays hide',
    paragraphs: [
      'Nothing in the loop is instant. Detection takes the metric period times the evaluation periods (one minute times three, by default). A new instance then boots, and warms up before it serves at full speed. Only after all that does the metric respond to the action.',
      'A controller that keeps acting while its last action has not yet had an effect overshoots. The metric still looks high, so it launches more, and more, and later finds it has far too many. It then removes them, undershoots, and starts again: oscillation. A cooldown (no new action for a while after one) and a scale-in stabilisation window (scale in only as far as every recent recommendation allows) damp it; both cost reaction speed.',
    ],
  },
  {
    title: 'Reacting, predicting or planning',
    paragraphs: [
      'Reactive policies respond to load that has already arrived, so a sudden spike always meets a few minutes of too little capacity. Predictive scaling looks at the same time of day on previous days and launches instances before the forecast peak, as long as the lead time covers boot and warm-up. It needs history, and it cannot foresee a surge that never happened before.',
      'Scheduled scaling simply holds a fixed capacity during known busy hours: cheap to reason about, blind to anything off the schedule. Real systems often layer them: a forecast or schedule for the known pattern, reactive scaling above it for the surprises.',
    ],
  },
  {
    title: 'Measure the real bottleneck',
    paragraphs: [
      'The loop can only fix what its metric sees. If every request waits for a connection from one shared database pool, the web servers sit half idle while latency climbs to the timeout. CPU never crosses its target, so the autoscaler does nothing; and if it did add servers, they would only queue for the same connections (and add contention). Scale on a metric that tracks what users feel, such as latency or queue depth, and fix the bottleneck itself.',
    ],
  },
];

const notice: readonly string[] = [
  'At 09:00 the red demand line leaps above the capacity line, and stays above it for several minutes while new instances show up in the fleet view as booting, then warming.',
  'The p99 chart jumps to the request timeout during those minutes: that gap is the price of reacting, and the error line shows the same minutes.',
  'In the loop diagram, the highlighted stage moves from measure to provision to warm-up, and the cooldown counts down after each action.',
  'With the no-cooldown preset, the action log fills with scale-outs a minute apart, the instance count sails past the dashed ideal line, and the overshoot figure climbs.',
  'With predictive scaling, the first day is as bad as before, but from the second day the fleet grows about ten minutes before 09:00 and the spike passes with no errors.',
  'In the wrong-metric preset, CPU stays well under its target line while p99 sits at the timeout, and the action log stays empty.',
];

const assumptions: readonly string[] = [
  'Traffic is a Poisson count of requests for each simulated second, at the demand curve’s rate in the middle of that second. Requests are not simulated one by one, which is why three simulated days take well under a second to compute.',
  'Requests wait in one first-in-first-out queue that the fleet drains as a fluid, at its capacity in that second. Latency is the service time plus the wait in that queue; a request still waiting after the timeout fails and counts as an error.',
  'With the shared database pool switched on, a request then queues a second time, first in first out, for a connection. Each instance beyond the first makes every query a little slower (contention).',
  'Instance lifecycles, metric periods, policy decisions, cooldown and stabilisation are exact events in simulated time, not rounded to the second.',
  'A warming instance serves at half speed; a draining instance takes no new requests and is billed until it has drained.',
  'CPU is the work done divided by the work the fleet could have done over the metric period, warming instances included at their half speed, so it cannot read above 100 %. Requests per instance and queue depth are divided by in-service instance-seconds only, so warming instances are left out of them.',
  'Target tracking sizes from every launched instance, booting ones included, and acts only when all of the evaluation periods are on the same side of the target.',
  'Cooldown holds back reactive actions only; scheduled and forecast actions happen when they are due.',
  'Scale-in removes the newest instance first: a booting one stops at once, a warming or serving one drains.',
  'The run starts with the fleet its opening demand needs at the target, already warm; the demand pattern follows the time of day, which starts at the chosen hour.',
  'The forecast averages the requests seen at the same time of day on previous days of the run and takes the highest of those averages over the lead time. On the first day there is no history, so predictive scaling does nothing yet.',
  'The ideal capacity curve is demand divided by (instance capacity × target utilisation). Overshoot compares the most instances at once with the ideal for the peak demand.',
  'A second breaks the SLO when more than 1 % of the requests finishing in it were slower than the SLO or failed. Cost bills every instance from launch until it has stopped.',
];

const diagram = `flowchart LR
  users[Demand] --> lb[Load balancer]
  lb --> fleet[Instances in service]
  fleet -->|CPU, requests, queue, p99| measure[Measure: one datapoint per metric period]
  measure --> decide[Decide: policy, limits, cooldown, stabilisation]
  decide -->|launch| boot[Provision: boot]
  boot --> warm[Warm up: half speed]
  warm --> fleet
  decide -->|remove| drain[Drain]
  fleet -. with the pool on .-> db[(Shared database pool)]`;

export const content: LessonContent = { hook, sections, notice, assumptions, diagram };
