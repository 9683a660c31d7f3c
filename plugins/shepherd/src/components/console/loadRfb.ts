import type RFB from '@novnc/novnc';

/** noVNC's RFB client class. */
export type RfbClass = typeof RFB;
/** A VNC session of noVNC's RFB client. */
export type RfbClient = RFB;

/**
 * Loads noVNC when a console is opened, so that the library stays out of the app's main
 * bundle and out of every other Shepherd page.
 */
export async function loadRfb(): Promise<RfbClass> {
  const module = await import('@novnc/novnc');
  return module.default;
}
