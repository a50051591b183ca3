// Every scaling policy by name.
import type { PolicyName, ScalingPolicy } from '../policy.ts';
import { predictive } from './predictive.ts';
import { predictiveReactive } from './predictiveReactive.ts';
import { scheduled } from './scheduled.ts';
import { simple } from './simple.ts';
import { stepScaling } from './stepScaling.ts';
import { targetTracking } from './targetTracking.ts';

const POLICIES: Record<PolicyName, ScalingPolicy> = {
  'target-tracking': targetTracking,
  'step-scaling': stepScaling,
  simple,
  scheduled,
  predictive,
  'predictive+reactive': predictiveReactive,
};

export function policyByName(name: PolicyName): ScalingPolicy {
  return POLICIES[name];
}
