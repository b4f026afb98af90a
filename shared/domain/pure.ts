// How module-level values are declared so that a Lambda pays only for what its
// requests use.
//
// esbuild keeps every module-level call it cannot prove free of side effects,
// and it honours zod's own `@__NO_SIDE_EFFECTS__` marks only inside zod's
// modules. Unmarked, each function built every schema of every module it
// imports at each cold start, used or not (the events consumer built 866 zod
// instances to use none). A declaration written `/* @__PURE__ */ lazy(() => …)`
// (or `pure`) is one call esbuild may drop when nothing reads its result.
//
// What remains is built on first use, not at import: a function validates a
// handful of bodies per request, and its cold start should not build the
// schemas of the routes it is not serving (orders built 283 instances to answer
// a GET that reads one). test/unit/pure-declarations.test.ts keeps every
// module-level schema declared this way.
import * as z from 'zod/mini';

/**
 * An object (a zod schema, an area's route specs) built the first time anything
 * reads it. The proxy stands for the object everywhere: methods run with the
 * proxy as `this`, so schemas derived from it (`.clone()`, `.check()`) name the
 * proxy as their parent, and the registry's metadata (the OpenAPI component id)
 * moves to the proxy, the one identity every other schema refers to.
 */
export const lazy = <T extends object>(build: () => T): T => {
  let built: T | undefined;
  const target = (): T => {
    if (built) return built;
    built = build();
    if ('_zod' in built) {
      const schema = built as unknown as z.ZodMiniType;
      const meta = z.globalRegistry.get(schema);
      if (meta) {
        z.globalRegistry.remove(schema);
        z.globalRegistry.add(proxy as unknown as z.ZodMiniType, meta);
      }
    }
    return built;
  };
  const proxy: T = new Proxy({} as T, {
    get: (_, key) => Reflect.get(target(), key, proxy),
    set: (_, key, value) => Reflect.set(target(), key, value, proxy),
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    // Reported configurable: the proxy's own (empty) target may not show a
    // non-configurable property it does not have.
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(target(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(target(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
  });
  return proxy;
};

/** A value built at once (an array, which a proxy cannot stand for); the call site's `@__PURE__` lets a bundle drop it when unused. */
export const pure = <T>(build: () => T): T => build();
