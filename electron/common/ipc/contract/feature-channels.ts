/** `getCorpusInfo` → `get-corpus-info`. */
function kebabCase(method: string): string {
  return method.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * The channel of each method of a feature, derived from its name: `carrel:<feature>:<kebab-method>`.
 * The list is the one runtime copy of a feature's method names (the preload needs them, and no zod).
 */
export function featureChannels<const M extends string>(feature: string, methods: readonly M[]): { readonly [K in M]: string } {
  return Object.fromEntries(methods.map((method) => [method, `carrel:${feature}:${kebabCase(method)}`])) as { [K in M]: string };
}
