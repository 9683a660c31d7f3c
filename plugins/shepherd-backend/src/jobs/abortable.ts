/**
 * The provider as a job may use it: every call first checks the job's signal, and so does the
 * answer of every asynchronous call, so that a job cancelled or lost (its lease went to
 * another worker) makes no further cluster call and writes nothing after the call it was in.
 * One wrapper for every operation's job: their steps stay free of checks.
 */
export function abortable<P extends object>(
  provider: P,
  signal: AbortSignal,
): P {
  return new Proxy(provider, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        signal.throwIfAborted();
        const result = value.apply(target, args);
        return result instanceof Promise
          ? result.then(answer => {
              signal.throwIfAborted();
              return answer;
            })
          : result;
      };
    },
  });
}
