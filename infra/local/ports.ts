// Port handling for the local stack: fixed defaults for `npm start`, free ports
// for tests (so several runs can share a machine), and a clear error when a
// fixed port is taken instead of a child process dying with a cryptic message.
import net from 'node:net';

/** A number, or `0` / `'auto'` for "any free port". */
export type PortSetting = number | 'auto';

export const parsePortSetting = (value: string | number | undefined, fallback: PortSetting): PortSetting => {
  if (value === undefined || value === '') return fallback;
  if (value === 'auto' || value === 0 || value === '0') return 'auto';
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`Invalid port "${value}"`);
  return port;
};

const listenOnce = (port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    // No host: the dual-stack wildcard conflicts with anything bound to this port.
    server.listen(port, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });

/** A port the OS says is free right now (there is a small race before the caller binds it). */
export const freePort = (): Promise<number> => listenOnce(0);

/** Throws a readable error if `port` is taken. */
export async function assertPortFree(port: number, what: string, envName: string): Promise<void> {
  try {
    await listenOnce(port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new Error(
        `Port ${port} for ${what} is ${code === 'EADDRINUSE' ? 'already in use' : 'not allowed'}. ` +
          `Stop whatever is using it, or set ${envName}=<port> (or ${envName}=auto).`,
      );
    }
    throw error;
  }
}

/** Turns a setting into a concrete port, checking fixed ones are free. */
export async function resolvePort(setting: PortSetting, what: string, envName: string): Promise<number> {
  if (setting === 'auto') return freePort();
  await assertPortFree(setting, what, envName);
  return setting;
}
