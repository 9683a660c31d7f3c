import { CLOUD_CONFIG_HEADER } from '@kubevirt-shepherd/plugin-shepherd-common';
import { isMap } from 'yaml';
import { parseYaml } from './yamlText';

export type CloudInitCheck =
  | { ok: true }
  | { ok: false; message: string; line: number; column: number };

/**
 * Checks template user data before it is saved: cloud-init silently ignores user data it
 * cannot parse, so a broken template would only show as VMs that boot unconfigured.
 */
export function checkCloudInit(userData: string): CloudInitCheck {
  const [firstLine] = userData.split('\n', 1);
  if (firstLine.trimEnd() !== CLOUD_CONFIG_HEADER) {
    return {
      ok: false,
      message: `cloud-init user data must start with the line '${CLOUD_CONFIG_HEADER}'`,
      line: 1,
      column: 1,
    };
  }
  const parsed = parseYaml(userData);
  if (!parsed.ok) {
    return {
      ok: false,
      message: `cloud-init user data is not valid YAML: ${parsed.error.message}`,
      line: parsed.error.line,
      column: parsed.error.column,
    };
  }
  const contents = parsed.document.contents;
  if (!isMap(contents)) {
    // An empty document has no node; its position is then the end of the text.
    const offset = contents?.range?.[0] ?? userData.length;
    const { line, col } = parsed.lineCounter.linePos(offset);
    return {
      ok: false,
      message:
        'cloud-init user data must be a YAML mapping of modules (e.g. users, packages, runcmd)',
      line,
      column: col,
    };
  }
  return { ok: true };
}
