import { Scheduler } from './scheduler';

describe('the controllers scheduler', () => {
  it('runs due work on settle and later work when a manual clock advances to it', () => {
    const scheduler = new Scheduler('manual', 0);
    const ran: string[] = [];
    scheduler.schedule('now', 0, () => ran.push('now'));
    scheduler.schedule('later', 1000, () => ran.push('later'));
    scheduler.settle();
    expect(ran).toEqual(['now']);
    scheduler.advance(999);
    expect(ran).toEqual(['now']);
    scheduler.advance(1);
    expect(ran).toEqual(['now', 'later']);
    expect(scheduler.now()).toBe(1000);
  });

  it('keeps the earliest run of a key and runs chained work in time order', () => {
    const scheduler = new Scheduler('manual', 0);
    const ran: Array<[string, number]> = [];
    scheduler.schedule('k', 500, () => ran.push(['late', scheduler.now()]));
    scheduler.schedule('k', 100, () => {
      ran.push(['early', scheduler.now()]);
      scheduler.schedule('k2', 50, () =>
        ran.push(['chained', scheduler.now()]),
      );
    });
    expect(scheduler.runUntilIdle()).toBe(150);
    expect(ran).toEqual([
      ['early', 100],
      ['chained', 150],
    ]);
  });

  it('does nothing while paused', () => {
    const scheduler = new Scheduler('manual', 0);
    let runs = 0;
    scheduler.pause();
    scheduler.schedule('k', 0, () => runs++);
    scheduler.settle();
    expect(runs).toBe(0);
    scheduler.resume();
    expect(runs).toBe(1);
  });

  it('refuses to advance the real clock', () => {
    const scheduler = new Scheduler('real');
    expect(() => scheduler.advance(10)).toThrow(/manual clock/);
    scheduler.close();
  });
});
