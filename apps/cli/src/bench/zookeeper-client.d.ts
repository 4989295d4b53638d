/** The part of node-zookeeper-client (plain JS, no bundled types) that the benchmark uses. */
declare module 'node-zookeeper-client' {
  export interface Stat {
    version: number;
  }
  export interface ClientOptions {
    sessionTimeout?: number;
    spinDelay?: number;
    retries?: number;
  }
  type Callback<T> = (error: Error | null | undefined, value: T) => void;
  export interface Client {
    connect(): void;
    close(): void;
    once(event: 'connected' | 'disconnected' | 'expired', listener: () => void): this;
    getState(): { name: string; code: number };
    create(path: string, data: Buffer | null, callback: Callback<string>): void;
    mkdirp(path: string, callback: Callback<string>): void;
    setData(path: string, data: Buffer | null, version: number, callback: Callback<Stat>): void;
    getData(
      path: string,
      callback: (error: Error | null | undefined, data: Buffer, stat: Stat) => void,
    ): void;
    remove(
      path: string,
      version: number,
      callback: (error: Error | null | undefined) => void,
    ): void;
    removeRecursive(
      path: string,
      version: number,
      callback: (error: Error | null | undefined) => void,
    ): void;
    getSessionTimeout(): number;
  }
  export function createClient(connectionString: string, options?: ClientOptions): Client;
}
