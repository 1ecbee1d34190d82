// A tiny SMTP server on loopback for tests: accepts every message (or answers a chosen error) and
// keeps what it received. Listens on an ephemeral port the test reads back.
import net from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as received after DATA, dot-unstuffed, with CRLF line ends. */
  data: string;
  /** The AUTH PLAIN user, if the client authenticated. */
  user: string | null;
}

export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  /** Answer this reply (e.g. '451 try later') to RCPT TO instead of accepting. */
  rejectRecipientsWith: string | null;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const sockets = new Set<net.Socket>();
  const sink: SmtpSink = {
    port: 0,
    received: [],
    rejectRecipientsWith: null,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let mail: ReceivedMail = { from: '', to: [], data: '', user: null };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sink.test ESMTP ready');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const body = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          mail.data = body.replace(/^\.\./gm, '.');
          sink.received.push(mail);
          mail = { from: '', to: [], data: '', user: mail.user };
          reply('250 2.0.0 queued');
          continue;
        }
        const i = buffer.indexOf('\r\n');
        if (i < 0) return;
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const verb = line.split(' ')[0]!.toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') {
          reply('250-sink.test');
          reply('250 AUTH PLAIN');
        } else if (verb === 'AUTH') {
          const token = line.split(' ')[2] ?? '';
          mail.user = Buffer.from(token, 'base64').toString('utf8').split('\0')[1] ?? null;
          reply('235 2.7.0 authenticated');
        } else if (verb === 'MAIL') {
          mail.from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          reply('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          if (sink.rejectRecipientsWith) reply(sink.rejectRecipientsWith);
          else {
            mail.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
            reply('250 2.1.5 ok');
          }
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'QUIT') {
          reply('221 2.0.0 bye');
          socket.end();
        } else if (verb === 'RSET' || verb === 'NOOP') reply('250 ok');
        else reply('502 5.5.2 not implemented');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.port = (server.address() as net.AddressInfo).port;
  return sink;
}
