import { createLimiter } from '@packwise/core';

/** A task that finishes when the test says so, recording how many ran at once. */
function controllableTasks(count: number) {
  let running = 0;
  let peak = 0;
  const finishers: (() => void)[] = [];
  const tasks = Array.from({ length: count }, (_, index) => async () => {
    running += 1;
    peak = Math.max(peak, running);
    await new Promise<void>((resolve) => finishers.push(resolve));
    running -= 1;
    return index;
  });
  return { tasks, finishers, peak: () => peak };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('createLimiter', () => {
  it('never runs more than the limit at once, and keeps order of results', async () => {
    const limit = createLimiter(3);
    const { tasks, finishers, peak } = controllableTasks(10);
    const results = Promise.all(tasks.map((task) => limit(task)));
    for (let finished = 0; finished < 10; finished += 1) {
      await settle();
      finishers.shift()?.();
    }
    await expect(results).resolves.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak()).toBe(3);
  });

  it('goes on after a task fails', async () => {
    const limit = createLimiter(1);
    const failing = limit(() => Promise.reject(new Error('broken')));
    const next = limit(async () => 'still runs');
    await expect(failing).rejects.toThrow('broken');
    await expect(next).resolves.toBe('still runs');
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects a concurrency of %p', (concurrency) => {
    expect(() => createLimiter(concurrency)).toThrow(`Invalid concurrency ${concurrency}`);
  });
});
