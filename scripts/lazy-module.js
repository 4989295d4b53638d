// The stand-in the build (scripts/build.js) puts in the bundle for a package or Node module: it
// has the module's export names, read at build time, and requires the module when one of them
// is first read (or, for a module that exports a function, first called or constructed). Enums
// (gRPC's status codes, which tables at the top of a module read) were copied at build time and
// load nothing. Node's module cache makes every stand-in of one module share the real one.

/**
 * @param {() => any} load requires the real module
 * @param {{ callable: boolean, esModule: boolean, names: string[], constants: object }} shape
 */
function lazyModule(load, shape) {
  let real;
  const module = () => (real ??= load());
  const standIn = shape.callable ? callableStandIn(module) : {};
  if (shape.esModule) Object.defineProperty(standIn, '__esModule', { value: true });
  for (const [name, value] of Object.entries(shape.constants)) {
    Object.defineProperty(standIn, name, { enumerable: true, value });
  }
  for (const name of shape.names) {
    Object.defineProperty(standIn, name, {
      enumerable: true,
      configurable: true,
      get: () => module()[name],
    });
  }
  return standIn;
}

/** Called, constructed, subclassed and `instanceof` as the real function. */
function callableStandIn(module) {
  const standIn = new Proxy(function () {}, {
    apply: (_, thisArg, args) => Reflect.apply(module(), thisArg, args),
    construct: (_, args, newTarget) =>
      Reflect.construct(module(), args, newTarget === standIn ? module() : newTarget),
    get: (target, key) => (key === 'prototype' ? module().prototype : Reflect.get(target, key)),
  });
  return standIn;
}

module.exports = { lazyModule };
