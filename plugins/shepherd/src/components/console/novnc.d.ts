/*
 * The part of noVNC's RFB client (`@novnc/novnc`, core/rfb.js) that the console page uses.
 * noVNC ships no types of its own, and the community types describe an older layout of the
 * package.
 */
declare module '@novnc/novnc' {
  /** Options of the RFB client; the console passes its own websocket, so no URL options. */
  export type RfbOptions = {
    /** Whether other clients may stay connected to the VNC server. */
    shared?: boolean;
  };

  /**
   * A VNC session drawn into `target`. Events: `connect`, `disconnect` (`detail.clean`),
   * `securityfailure` (`detail.status`, `detail.reason`), `credentialsrequired`,
   * `desktopname` (`detail.name`).
   */
  export default class RFB extends EventTarget {
    constructor(
      target: HTMLElement,
      urlOrChannel: string | WebSocket,
      options?: RfbOptions,
    );
    /** Whether keyboard and mouse events are ignored. */
    viewOnly: boolean;
    /** Whether the remote screen is scaled to fit the target element. */
    scaleViewport: boolean;
    disconnect(): void;
    sendCtrlAltDel(): void;
    /** Sends a key event; without `down` a press and a release. */
    sendKey(keysym: number, code: string | null, down?: boolean): void;
    focus(options?: FocusOptions): void;
  }
}
