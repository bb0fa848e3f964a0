// One python3 for all the oracle's requests of a test process. Starting
// python3 and importing numpy takes 0.2 s on a PC but several seconds under
// an emulated ARM board, and the oracle suites ask numpy some 15 times per
// run. The server reads one request per line from a FIFO (a JSON object:
// the program and its arguments, run as `python3 -c PROGRAM ARGS...` would
// run it) and answers on a second FIFO with "ok" or the error. The calls
// stay synchronous, as execFileSync was: the test files build their cases at
// load time. Where the server cannot start (or ORACLE_SERVER=0), each request
// runs its own python3, as before.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER = `
import json, sys, traceback
req, resp = sys.argv[1], sys.argv[2]
while True:
    with open(req) as f:
        line = f.readline()
    if not line.strip():
        break
    r = json.loads(line)
    try:
        sys.argv = ['-c'] + r['args']
        exec(compile(r['code'], '<oracle>', 'exec'), {'__name__': '__main__'})
        answer = 'ok'
    except BaseException:
        answer = 'error ' + traceback.format_exc()
    with open(resp, 'w') as f:
        f.write(json.dumps(answer) + '\\n')
`;

interface Server { child: ChildProcess; dir: string; req: string; resp: string }

let server: Server | null | undefined;
const pause = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}

/** Whether the server's process still runs (a zombie does not: its exit is not reaped while we block). */
function alive(s: Server): boolean {
  try {
    const stat = readFileSync(`/proc/${s.child.pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX]/.test(stat);
  } catch {
    return false;
  }
}

function stop(): void {
  if (!server) return;
  try {
    server.child.kill();
  } catch {
    // already gone
  }
  rmSync(server.dir, { recursive: true, force: true });
  server = null;
}

function start(): Server | null {
  if (process.env.ORACLE_SERVER === '0') return null;
  const dir = mkdtempSync(join(tmpdir(), 'np-oracle-server-'));
  const req = join(dir, 'req');
  const resp = join(dir, 'resp');
  try {
    execFileSync('mkfifo', [req, resp]);
    const child = spawn('python3', ['-c', SERVER, req, resp], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.unref();
    process.on('exit', stop);
    return { child, dir, req, resp };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    console.error(`# the oracle's python3 server did not start (${(e as Error).message}); each request starts its own python3`);
    return null;
  }
}

/** Write the request line once the server reads the FIFO; false if it is gone. */
function send(s: Server, line: string): boolean {
  for (;;) {
    let fd: number;
    try {
      fd = openSync(s.req, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch (e) {
      // ENXIO: no reader yet (starting, or between requests)
      if ((e as NodeJS.ErrnoException).code !== 'ENXIO' || !alive(s)) return false;
      sleep(2);
      continue;
    }
    try {
      const b = Buffer.from(line);
      for (let off = 0; off < b.length;) {
        try {
          off += writeSync(fd, b, off);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
          sleep(1);
        }
      }
    } finally {
      closeSync(fd);
    }
    return true;
  }
}

/** The server's answer line, or undefined if it died first. */
function receive(s: Server): string | undefined {
  const fd = openSync(s.resp, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const chunks: Buffer[] = [];
    const b = Buffer.alloc(65536);
    for (;;) {
      let n = 0;
      try {
        n = readSync(fd, b, 0, b.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      }
      if (n > 0) {
        chunks.push(Buffer.from(b.subarray(0, n)));
        const text = Buffer.concat(chunks).toString('utf8');
        if (text.endsWith('\n')) return text;
        continue;
      }
      if (!alive(s)) return undefined;
      sleep(2);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Run `code` as `python3 -c code ...args` would, in the shared server when it
 * runs (a fresh namespace each time), else in a python3 of its own. Throws
 * with python's traceback when the program raises.
 */
export function runPython(code: string, args: string[]): void {
  if (server === undefined) server = start();
  if (server) {
    const s = server;
    if (send(s, `${JSON.stringify({ code, args })}\n`)) {
      const answer = receive(s);
      if (answer !== undefined) {
        const text = JSON.parse(answer) as string;
        if (text === 'ok') return;
        throw new Error(`numpy failed: ${text.replace(/^error /, '')}`);
      }
    }
    // the server died: say so once, and go on without it
    console.error('# the oracle\'s python3 server ended; each request now starts its own python3');
    stop();
  }
  try {
    execFileSync('python3', ['-c', code, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { stderr?: Buffer; status?: number; message?: string };
    throw new Error(`numpy failed (status ${e.status}): ${String(e.stderr ?? e.message)}`);
  }
}
