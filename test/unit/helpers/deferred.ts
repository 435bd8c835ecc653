/** A promise and the functions that settle it (Promise.withResolvers, which Node 20 lacks). */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every pending timer-queued callback and microtask run. */
export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
