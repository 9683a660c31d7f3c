/**
 * Retries an assertion until it holds, for what the simulator, a watch or an informer
 * finishes on its own schedule. Fails with the assertion's last error after `timeoutMs`
 * (a generous bound: a passing run never gets near it).
 */
export async function eventually(
  assertion: () => Promise<void> | void,
  { timeoutMs = 60_000, intervalMs = 10 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, intervalMs));
    }
  }
}
