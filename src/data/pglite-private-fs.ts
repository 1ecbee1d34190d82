// The embedded database's files on disk: owner-only and durable. PGlite's NodeFS (Emscripten's
// NODEFS) creates every file 0666 and every folder 0777 whatever PostgreSQL asks for, and it has
// no fsync: PGlite also starts PostgreSQL with -F (fsync off) and its fdatasync is a no-op. So a
// commit survived `kill -9` but not a power cut. Here NODEFS is patched as it is mounted:
//  - files are created 0600 and folders 0700 (PGlite's initdb writes through another module's
//    file system, so a new folder is also made owner-only right after it is created, before any
//    data goes in: makeOwnerOnly);
//  - fsync() on a file reaches the disk (fs.fsyncSync), and the database is started with fsync on
//    and wal_sync_method=fsync (fdatasync stays a no-op inside PGlite), so every commit is flushed
//    to the write-ahead log on disk before it is acknowledged. Cost measured in BENCHMARKS.md.
// Runs inside the database worker thread: fsync blocks that thread, never the HTTP event loop.
import { chmodSync, closeSync, fsyncSync, lstatSync, openSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;

// Emscripten's errno numbers (not Linux's): what PostgreSQL sees when a sync fails.
const EMSCRIPTEN_ERRNO: Record<string, number> = { EBADF: 8, EINVAL: 28, EIO: 29, ENOSPC: 51 };

interface EmscriptenNode {
  mode: number;
}
interface EmscriptenStream {
  nfd?: number;
}
interface NodeFsOps {
  node_ops: {
    mknod: (parent: unknown, name: string, mode: number, dev: number) => EmscriptenNode;
  };
  stream_ops: { fsync?: (stream: EmscriptenStream) => number };
  realPath: (node: EmscriptenNode) => string;
}
interface EmscriptenModule {
  NODEFS: NodeFsOps;
  FS: { ErrnoError: new (errno: number) => Error };
}

export class PrivateDurableNodeFS extends NodeFS {
  override async init(
    pg: Parameters<NodeFS['init']>[0],
    opts: Parameters<NodeFS['init']>[1],
  ): ReturnType<NodeFS['init']> {
    const result = await super.init(pg, opts);
    const preRun = (result.emscriptenOpts as { preRun: ((m: EmscriptenModule) => void)[] }).preRun;
    preRun.push((mod) => patchNodeFs(mod));
    return result;
  }
}

function patchNodeFs(mod: EmscriptenModule): void {
  const nodefs = mod.NODEFS;
  const mknod = nodefs.node_ops.mknod;
  nodefs.node_ops.mknod = (parent, name, mode, dev) => {
    const node = mknod(parent, name, mode, dev);
    chmodSync(nodefs.realPath(node), (node.mode & S_IFMT) === S_IFDIR ? DIR_MODE : FILE_MODE);
    return node;
  };
  nodefs.stream_ops.fsync = (stream) => {
    if (stream.nfd === undefined) return 0;
    try {
      fsyncSync(stream.nfd);
      return 0;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
      throw new mod.FS.ErrnoError(EMSCRIPTEN_ERRNO[code] ?? EMSCRIPTEN_ERRNO.EIO!);
    }
  };
}

/**
 * The embedded engine's memory (issue 19). Its WebAssembly memory grows to the most it has ever
 * used and never shrinks, and PostgreSQL's default 128 MB of shared buffers fill up with the
 * evidence base as it is read (the pages are in the operating system's file cache anyway). So:
 * 32 MB of shared buffers, and smaller sort and maintenance memory for bulk loads; measured in
 * BENCHMARKS.md (server memory).
 */
export const MEMORY_START_PARAMS = [
  '-c',
  'shared_buffers=32MB',
  '-c',
  'work_mem=4MB',
  '-c',
  'maintenance_work_mem=16MB',
  '-c',
  'temp_buffers=4MB',
];

/** PGlite's start parameters with fsync on and a sync method that reaches the patched fsync. */
export function durableStartParams(): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  return [
    ...defaults.filter((p) => p !== '-F'),
    '-c',
    'wal_sync_method=fsync',
    ...MEMORY_START_PARAMS,
  ];
}

/**
 * PGlite's start parameters for creating a data folder (no per-write fsync: the folder is flushed
 * once at the end) with the same memory settings: with PostgreSQL's default 128 MB of shared
 * buffers the engine that creates the folder grew its WebAssembly memory by some 60 MiB more,
 * on top of the 700-odd MiB that creating a folder takes (the peak of a first start and of
 * `demo seed`; BENCHMARKS.md, issue 19 fifth round).
 */
export function creatingStartParams(): string[] {
  const defaults = (PGlite as unknown as { defaultStartParams: string[] }).defaultStartParams;
  return [...defaults, ...MEMORY_START_PARAMS];
}

export function privateDurableOptions(
  dataDir: string,
  { durable }: { durable: boolean },
): Pick<PGliteOptions, 'fs' | 'startParams'> {
  return {
    fs: new PrivateDurableNodeFS(dataDir),
    startParams: durable ? durableStartParams() : creatingStartParams(),
  };
}

/** Flushes every file and folder under dir to disk (after creating a data folder). */
export function syncTree(dir: string): void {
  const st = lstatSync(dir);
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) for (const name of readdirSync(dir)) syncTree(path.join(dir, name));
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** chmod -R: folders 0700, files 0600 (symbolic links are left alone). */
export function makeOwnerOnly(dir: string): void {
  const st = lstatSync(dir);
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    chmodSync(dir, DIR_MODE);
    for (const name of readdirSync(dir)) makeOwnerOnly(path.join(dir, name));
  } else if ((st.mode & 0o777) !== FILE_MODE) chmodSync(dir, FILE_MODE);
}
