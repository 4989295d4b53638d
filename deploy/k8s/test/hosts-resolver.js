/**
 * Test-only resolver, preloaded with `node --require` (NODE_OPTIONS): the names listed in the
 * hosts-style file TRIBUTARY_TEST_HOSTS ("127.0.0.11 tributary-coordinator-0.…" per line)
 * resolve to their loopback addresses, as cluster DNS resolves a headless Service's pod names;
 * every other name goes to the system resolver. gRPC resolves through dns.promises.lookup.
 */
const dns = require('node:dns');
const fs = require('node:fs');

const file = process.env.TRIBUTARY_TEST_HOSTS;
const hosts = new Map();
for (const line of file ? fs.readFileSync(file, 'utf8').split('\n') : []) {
  const [address, ...names] = line.trim().split(/\s+/);
  if (address && !address.startsWith('#')) for (const name of names) hosts.set(name, address);
}

function answer(address, options) {
  const all = typeof options === 'object' && options?.all;
  return all ? [{ address, family: 4 }] : { address, family: 4 };
}

const lookup = dns.lookup;
dns.lookup = function (hostname, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  const address = hosts.get(hostname);
  if (address === undefined) return lookup.apply(this, arguments);
  const a = answer(address, options);
  process.nextTick(() => (Array.isArray(a) ? cb(null, a) : cb(null, a.address, a.family)));
};

const promiseLookup = dns.promises.lookup;
dns.promises.lookup = function (hostname, options) {
  const address = hosts.get(hostname);
  if (address === undefined) return promiseLookup.apply(this, arguments);
  return Promise.resolve(answer(address, options));
};

// gRPC also asks for a service config in TXT records: these names have none.
const resolveTxt = dns.promises.resolveTxt;
dns.promises.resolveTxt = function (hostname) {
  if (!hosts.has(hostname)) return resolveTxt.apply(this, arguments);
  return Promise.reject(Object.assign(new Error(`no TXT for ${hostname}`), { code: 'ENODATA' }));
};
