// The page's copy of the snapshot layout equals the model's.
import { describe, expect, it } from 'vitest';
import * as fleet from '../../../sim/blocks/autoscaling/Fleet.ts';
import * as model from '../model/AutoscalingSim.ts';
import * as page from './packed.ts';

describe('packed snapshot layout', () => {
  it('matches the model', () => {
    expect(page.ACTION_FIELDS).toBe(model.ACTION_FIELDS);
    expect([page.BOOTING, page.WARMING, page.IN_SERVICE, page.DRAINING]).toEqual([
      fleet.BOOTING,
      fleet.WARMING,
      fleet.IN_SERVICE,
      fleet.DRAINING,
    ]);
  });
});
