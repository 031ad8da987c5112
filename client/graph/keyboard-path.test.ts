import { describe, expect, it } from 'vitest';
import { viewFixture } from '../../tests/fixtures/view-fixture.js';
import { describeArrival, nothingThatWay, pickNeighbour } from './keyboard-path.js';

const origin = { x: 0, y: 0 };
const around = [
  { id: 'right', x: 100, y: 10 },
  { id: 'right-far', x: 300, y: 0 },
  { id: 'left', x: -100, y: -5 },
  { id: 'below', x: 10, y: 120 },
  { id: 'up-right', x: 80, y: -90 },
];

describe('the keyboard path through the graph', () => {
  it('an arrow goes to the linked node most in its direction, the nearer on a tie', () => {
    expect(pickNeighbour(origin, around, 'ArrowRight')?.id).toBe('right-far'); // straight right beats slightly off-axis
    expect(
      pickNeighbour(
        origin,
        around.filter((n) => n.id !== 'right-far'),
        'ArrowRight',
      )?.id,
    ).toBe('right');
    expect(pickNeighbour(origin, around, 'ArrowLeft')?.id).toBe('left');
    expect(pickNeighbour(origin, around, 'ArrowDown')?.id).toBe('below');
    expect(pickNeighbour(origin, around, 'ArrowUp')?.id).toBe('up-right');
    expect(
      pickNeighbour(
        origin,
        [
          { id: 'a', x: 100, y: 0 },
          { id: 'b', x: 50, y: 0 },
        ],
        'ArrowRight',
      )?.id,
    ).toBe('b');
  });

  it('says when nothing is linked that way, rather than jumping elsewhere', () => {
    expect(pickNeighbour(origin, [{ id: 'left', x: -10, y: 0 }], 'ArrowRight')).toBeNull();
    expect(pickNeighbour(origin, [], 'ArrowUp')).toBeNull();
    expect(nothingThatWay('ArrowUp')).toBe('No linked node above.');
  });

  it('announces the node, its kind and country, and the link it was reached by as a sentence', () => {
    const g = viewFixture();
    const name = (id: string) => g.nodes.find((n) => n.id === id)!.name;
    const platform = g.nodes.find((n) => n.id === 'v-platform')!;
    const contract = g.edges.find((e) => e.id === 'CONTRACTED_BY:v-pool->v-platform')!;
    expect(describeArrival(platform, contract, name, 2)).toBe(
      'Platform & Co, platform, FR. Pool in Madagascar is contracted by Platform & Co. Linked to 2 on screen.',
    );
    const broker = g.nodes.find((n) => n.id === 'v-broker')!;
    const hidden = g.edges.find((e) => e.id === 'SUBCONTRACTS_FOR:v-platform->v-broker')!;
    expect(describeArrival(broker, hidden, name, 2)).toContain(
      'Platform & Co subcontracts for Hidden broker (no source given).',
    );
    expect(describeArrival(platform, null, name, 0)).toBe('Platform & Co, platform, FR. Linked to 0 on screen.');
  });
});
