import { METHODS, type Method } from '../../common/ipc/ipc-contract';

/** The methods of the contract a service implements; its other members (close, requireStore…) stay out of the API. */
export function contractPart<S extends object>(service: S): Pick<S, keyof S & Method> {
  const part: Record<string, unknown> = {};
  for (const method of METHODS) if (method in service) part[method] = (service as Record<string, unknown>)[method];
  return part as Pick<S, keyof S & Method>;
}

/** Merges the services' parts into the API; a method two services claim is a wiring mistake, refused at start. */
export function mergeParts<P extends object[]>(...parts: P): P[number] extends never ? never : UnionToIntersection<P[number]> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [method, implementation] of Object.entries(part)) {
      if (method in merged) throw new Error(`Two services implement ${method}`);
      merged[method] = implementation;
    }
  }
  return merged as never;
}

type UnionToIntersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;
