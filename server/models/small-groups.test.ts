import { describe, expect, it } from 'vitest';
import { protectState, sizesIn, stateSubject } from './small-groups.js';

const facts = (poolSizes: (number | null)[], performerSizes: (number | null)[] = [], poolKnown = true) => ({
  poolSizes,
  performerSizes,
  poolKnown,
});
const pool = { section: 'workerPools', item: { id: 'p', name: 'Pool', size: 3 } };
const contract = {
  shape: 'link',
  label: 'CONTRACTED_BY',
  from: 'p',
  to: 'o',
  props: { id: 'c', pricePerUnitEur: 0.01 },
  assertions: [{ dataset: 'a', pricePerUnitEur: 0.02 }],
};
const task = { section: 'tasks', item: { id: 't', name: 'Task', unitPayEur: 0.05 } };

describe("a change's states withhold what entity withholds", () => {
  it("takes a small pool's size out of its state and names it, and leaves a large one", () => {
    expect(protectState(pool, 'p', facts([]), 10)).toEqual({
      section: 'workerPools',
      item: { id: 'p', name: 'Pool' },
      withheld: ['size'],
    });
    expect(protectState({ ...pool, item: { ...pool.item, size: 300 } }, 'p', facts([300]), 10)).toEqual({
      ...pool,
      item: { ...pool.item, size: 300 },
    });
    expect(protectState(pool, 'p', facts([]), 0)).toEqual(pool);
  });

  it('withholds every size of a pool that was ever small, and every price of its contract, wherever it appears', () => {
    expect(protectState({ ...pool, item: { ...pool.item, size: 300 } }, 'p', facts([3]), 10)).toMatchObject({
      withheld: ['size'],
    });
    expect(JSON.stringify(protectState(contract, 'c', facts([3]), 10))).not.toMatch(/0\.0[12]/);
    expect(protectState(contract, 'c', facts([300]), 10)).toEqual(contract);
    expect(protectState(contract, 'c', facts([], [], false), 10)).toMatchObject({ withheld: ['pricePerUnitEur'] });
  });

  it("withholds a task's pay only when small pools alone perform it now", () => {
    expect(protectState(task, 't', facts([], [3, 4]), 10)).toMatchObject({ withheld: ['unitPayEur'] });
    expect(protectState(task, 't', facts([], [3, 400]), 10)).toEqual(task);
    expect(protectState(task, 't', facts([], []), 10)).toEqual(task);
  });

  it("as recorded, withholds a task's pay when small pools alone performed it then or do now", () => {
    const then = (now: number[], performedThen: number[]) => ({ ...facts([], now), performerSizesThen: performedThen });
    expect(protectState(task, 't', then([3, 400], [3]), 10)).toMatchObject({ withheld: ['unitPayEur'] });
    expect(protectState(task, 't', then([3], [3, 400]), 10)).toMatchObject({ withheld: ['unitPayEur'] });
    expect(protectState(task, 't', then([3, 400], [400]), 10)).toEqual(task);
    expect(protectState(task, 't', then([400], []), 10)).toEqual(task);
  });

  it('reads what a state is about and the sizes it carries', () => {
    expect(stateSubject(contract, 'c')).toEqual({ kind: 'contract', pool: 'p' });
    expect(
      stateSubject({ shape: 'node', label: 'WorkerPool', props: { size: 4 }, assertions: [{ size: 5 }] }, 'p'),
    ).toEqual({ kind: 'pool', pool: 'p' });
    expect(sizesIn({ shape: 'node', label: 'WorkerPool', props: { size: 4 }, assertions: [{ size: 5 }] })).toEqual([
      4, 5,
    ]);
    expect(protectState(null, 'x', facts([3]), 10)).toBeNull();
  });
});
