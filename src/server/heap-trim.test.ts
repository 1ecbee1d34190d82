import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Fastify from 'fastify';
import { HeapTrim, trimHeapWhenIdle } from './heap-trim.js';

const MiB = 1_048_576;

describe('HeapTrim', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = (heap: { total: number; used: number }) => {
    const collect = vi.fn();
    const trim = new HeapTrim({ idleMs: 2_000, slackMiB: 48 }, collect, () => heap);
    return { trim, collect };
  };

  it('collects once the server has been quiet after a request and the heap holds much unused', () => {
    const { trim, collect } = setup({ total: 200 * MiB, used: 60 * MiB });
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

  it('waits while a request is in flight, and skips a heap that is mostly in use', () => {
    const heap = { total: 200 * MiB, used: 60 * MiB };
    const { trim, collect } = setup(heap);
    trim.started();
    trim.started();
    trim.finished();
    vi.advanceTimersByTime(10_000);
    expect(collect).not.toHaveBeenCalled();
    trim.finished();
    heap.used = 180 * MiB;
    vi.advanceTimersByTime(10_000);
    expect(collect).not.toHaveBeenCalled();
  });

  it('a new request cancels a pending collection', () => {
    const { trim, collect } = setup({ total: 200 * MiB, used: 60 * MiB });
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
      new HeapTrim({ idleMs: 1, slackMiB: 0 }, collected, () => ({ total: 2, used: 1 })),
    );
    app.get('/', async () => ({ ok: true }));
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    await done;
    expect(trim.collections).toBe(1);
    await app.close();
  });
});
