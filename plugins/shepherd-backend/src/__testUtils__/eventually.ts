/**
 * Retries an assertion until it holds, for work that background jobs finish on their own
 * schedule. Fails with the assertion's last error after `timeoutMs`.
 */
export async function eventually(
  assertion: () => Promise<void> | void,
  { timeoutMs = 60_000, intervalMs = 20 } = {},
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
