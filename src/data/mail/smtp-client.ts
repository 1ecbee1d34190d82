// A small SMTP client over node:net (and node:tls for smtps:// and STARTTLS): enough to hand one
// plain-text message to a relay. It sends nothing but what it is given; callers keep e-mails to
// a link and a neutral sentence. Every command has a time limit, so a stuck server fails fast.
import net from 'node:net';
import os from 'node:os';
import tls from 'node:tls';
import { randomUUID } from 'node:crypto';
import { now } from '../../clock.js';

export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (smtps://, usually port 465). */
  secure: boolean;
  /** Upgrade with STARTTLS: when the server offers it ('auto'), always ('require'), or never. */
  starttls: 'auto' | 'require' | 'never';
  from: string;
  user?: string;
  password?: string;
  /** Per command, in milliseconds. */
  timeoutMs: number;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export class SmtpError extends Error {
  constructor(
    message: string,
    readonly code: number | null = null,
  ) {
    super(message);
    this.name = 'SmtpError';
  }
}

const ADDRESS = /^[^\s<>@,;:"\\]+@[^\s<>@,;:"\\]+$/;
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ').trim();

/** RFC 2047 encoded-word for a header value that is not plain ASCII. */
function headerText(s: string): string {
  const v = oneLine(s);
  return /^[\x20-\x7e]*$/.test(v) ? v : `=?UTF-8?B?${Buffer.from(v, 'utf8').toString('base64')}?=`;
}

/** The message as sent after DATA: headers, CRLF line ends, dot-stuffed, ending in CRLF.CRLF. */
export function formatMessage(from: string, m: MailMessage, at: Date = now()): string {
  const domain = from.split('@')[1] ?? 'localhost';
  const headers = [
    `From: ${from}`,
    `To: ${m.to}`,
    `Subject: ${headerText(m.subject)}`,
    `Date: ${at.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    'Auto-Submitted: auto-generated',
  ];
  const body = m.text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.startsWith('.') ? `.${line}` : line));
  return `${[...headers, '', ...body].join('\r\n')}\r\n.\r\n`;
}

/** Reads SMTP replies (possibly multi-line, "250-..." then "250 ...") from a socket. */
class ReplyReader {
  private buffer = '';
  private lines: string[] = [];
  private waiting: ((r: { code: number; text: string }) => void) | null = null;
  private failed: ((e: Error) => void) | null = null;
  private error: Error | null = null;

  constructor(socket: net.Socket) {
    this.attach(socket);
  }

  attach(socket: net.Socket): void {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let i;
      while ((i = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, i).replace(/\r$/, '');
        this.buffer = this.buffer.slice(i + 1);
        this.lines.push(line);
        if (/^\d{3} /.test(line) || /^\d{3}$/.test(line)) this.complete();
      }
    });
    const fail = (e: Error) => {
      this.error = e;
      this.failed?.(e);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new SmtpError('The mail server closed the connection')));
  }

  private ready: { code: number; text: string }[] = [];

  private complete(): void {
    const text = this.lines.map((l) => l.slice(4)).join('\n');
    const code = Number(this.lines.at(-1)?.slice(0, 3));
    this.lines = [];
    this.ready.push({ code, text });
    this.flush();
  }

  private flush(): void {
    if (this.waiting && this.ready.length) {
      const w = this.waiting;
      this.waiting = null;
      this.failed = null;
      w(this.ready.shift()!);
    }
  }

  next(timeoutMs: number): Promise<{ code: number; text: string }> {
    return new Promise((resolve, reject) => {
      if (this.ready.length) return resolve(this.ready.shift()!);
      if (this.error) return reject(this.error);
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new SmtpError('The mail server did not answer in time'));
      }, timeoutMs);
      this.waiting = (r) => {
        clearTimeout(timer);
        resolve(r);
      };
      this.failed = (e) => {
        clearTimeout(timer);
        this.waiting = null;
        reject(e);
      };
    });
  }
}

function connect(s: SmtpSettings): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = s.secure
      ? tls.connect({ host: s.host, port: s.port, servername: s.host })
      : net.connect({ host: s.host, port: s.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new SmtpError(`Could not reach the mail server at ${s.host}:${s.port} in time`));
    }, s.timeoutMs);
    socket.once(s.secure ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(new SmtpError(`Could not reach the mail server: ${e.message}`));
    });
  });
}

/** Sends one message. Resolves when the server accepted it; rejects with an SmtpError. */
export async function sendMail(s: SmtpSettings, m: MailMessage): Promise<void> {
  if (!ADDRESS.test(m.to)) throw new SmtpError(`Not an e-mail address: ${oneLine(m.to)}`);
  if (!ADDRESS.test(s.from)) throw new SmtpError('The sender address is not an e-mail address');
  let socket = await connect(s);
  let reader = new ReplyReader(socket);
  const expect = async (ok: number[], what: string) => {
    const r = await reader.next(s.timeoutMs);
    if (!ok.includes(r.code)) throw new SmtpError(`${what}: ${r.code} ${oneLine(r.text)}`, r.code);
    return r;
  };
  const command = async (line: string, ok: number[], what = line.split(' ')[0] ?? line) => {
    socket.write(`${line}\r\n`);
    return expect(ok, what);
  };
  try {
    await expect([220], 'Greeting');
    const name = os.hostname() || 'localhost';
    let ehlo = await command(`EHLO ${name}`, [250]);
    const offersTls = /^STARTTLS$/im.test(ehlo.text);
    if (!s.secure && (s.starttls === 'require' || (s.starttls === 'auto' && offersTls))) {
      await command('STARTTLS', [220]);
      socket.removeAllListeners('data');
      socket = tls.connect({ socket, servername: s.host });
      await new Promise<void>((res, rej) => {
        socket.once('secureConnect', () => res());
        socket.once('error', (e) => rej(new SmtpError(`STARTTLS failed: ${e.message}`)));
      });
      reader = new ReplyReader(socket);
      ehlo = await command(`EHLO ${name}`, [250]);
    }
    if (s.user) {
      const token = Buffer.from(`\0${s.user}\0${s.password ?? ''}`, 'utf8').toString('base64');
      await command(`AUTH PLAIN ${token}`, [235], 'AUTH');
    }
    await command(`MAIL FROM:<${s.from}>`, [250], 'MAIL FROM');
    await command(`RCPT TO:<${m.to}>`, [250, 251], 'RCPT TO');
    await command('DATA', [354]);
    socket.write(formatMessage(s.from, m));
    await expect([250], 'Message');
    socket.write('QUIT\r\n');
    await reader.next(s.timeoutMs).catch(() => undefined);
  } finally {
    socket.destroy();
  }
}
