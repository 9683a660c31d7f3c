import { Finding } from './specFuzzer';

/**
 * Findings the API is known to still produce, each with what it is about. The spec fuzzer
 * reports them but does not fail on them; every entry is a defect to fix, after which the
 * entry goes. An empty list is the goal.
 */
export const KNOWN_HOLES: Array<{
  hole: string;
  matches: (finding: Finding) => boolean;
}> = [
  {
    hole:
      'A request without a valid token is refused by the backend before it reaches the ' +
      "Shepherd router, with a 401 that carries no code (Backstage's own error body)",
    matches: finding =>
      finding.problem === '4xx without code' && finding.status === 401,
  },
];

/** The known hole a finding is, if it is one. */
export function knownHoleOf(finding: Finding): string | undefined {
  return KNOWN_HOLES.find(({ matches }) => matches(finding))?.hole;
}
