// esbuild keeps every module-level call it cannot prove free of side effects,
// and it honours zod's own `@__NO_SIDE_EFFECTS__` marks only inside zod's
// modules. Without a mark, each Lambda would build, at every cold start, every
// schema of every module it imports, used or not (the events consumer built
// 866 zod instances to use none). A declaration written as
// `/* @__PURE__ */ pure(() => …)` is one call esbuild may drop when nothing
// reads its result; test/unit/pure-declarations.test.ts keeps every
// module-level schema declared this way.

/** Builds a module-level value, at once; the call site's `@__PURE__` lets a bundle drop it when unused. */
export const pure = <T>(build: () => T): T => build();
