import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Fastify from 'fastify';
import { HeapTrim, trimHeapWhenIdle } from './heap-trim.js';

const MiB = 1_048_576;

describe('HeapTrim', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  // The heap grows from 80 MiB to `heap.total` after the trim is made; a collection shrinks it.
  const setup = (heap: { total: number }) => {
    let total = 80 * MiB;
    const collect = vi.fn(() => (total = 90 * MiB));
    const trim = new HeapTrim({ idleMs: 2_000, slackMiB: 48 }, collect, () => total);
    total = heap.total;
    return { trim, collect, grow: (t: number) => (total = t) };
  };

  it('collects once the server has been quiet after a request and the heap has grown', () => {
    const { trim, collect } = setup({ total: 200 * MiB });
    trim.started();
    trim.finished();
    vi.advanceTimersByTime(1_999);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(collect).toHaveBeenCalledTimes(1);
    // Idle and nothing new: no further collections.
    vi.advanceTimersByTime(60_000);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('waits while a request is in flight, and skips a heap that has not grown much', () => {
    const { trim, collect, grow } = setup({ total: 200 * MiB });
    trim.started();
    trim.started();
    trim.finished();
    vi.advanceTimersByTime(10_000);
    expect(collect).not.toHaveBeenCalled();
    grow(100 * MiB);
    trim.finished();
    vi.advanceTimersByTime(10_000);
    expect(collect).not.toHaveBeenCalled();
  });

  it('a new request cancels a pending collection', () => {
    const { trim, collect } = setup({ total: 200 * MiB });
    trim.started();
    trim.finished();
    vi.advanceTimersByTime(1_000);
    trim.started();
    vi.advanceTimersByTime(10_000);
    expect(collect).not.toHaveBeenCalled();
    trim.finished();
    vi.advanceTimersByTime(2_000);
    expect(collect).toHaveBeenCalledTimes(1);
  });
});

describe('trimHeapWhenIdle', () => {
  it("counts a server's requests and collects after the last one has been answered", async () => {
    const app = Fastify();
    let collected!: () => void;
    const done = new Promise<void>((resolve) => (collected = resolve));
    const trim = trimHeapWhenIdle(
      app,
      new HeapTrim({ idleMs: 1, slackMiB: 0 }, collected, () => 1),
    );
    app.get('/', async () => ({ ok: true }));
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    await done;
    expect(trim.collections).toBe(1);
    await app.close();
  });
});
