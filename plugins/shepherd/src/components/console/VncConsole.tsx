import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { shepherdVmConsoleTakeoverPermission } from '@kubevirt-shepherd/plugin-shepherd-common';
import { useRef, useState } from 'react';
import {
  PermissionGate,
  RelativeTime,
  ShepherdErrorPanel,
  formatTimestamp,
} from '../common';
import { MAX_TYPED_CHARACTERS } from './keysyms';
import { ConsoleStatus, useVncConsole } from './useVncConsole';

export const CONNECT_LABEL = 'Connect';
export const RECONNECT_LABEL = 'Reconnect';
export const DISCONNECT_LABEL = 'Disconnect';
export const CTRL_ALT_DEL_LABEL = 'Send Ctrl+Alt+Del';
export const VIEW_ONLY_LABEL = 'View only';
export const PASTE_LABEL = 'Text to type';
export const TYPE_TEXT_LABEL = 'Type it';
export const IN_USE_TITLE = 'The console is in use';
export const TAKE_OVER_LABEL = 'Take over';

/** The status line's words for each state. */
export const CONSOLE_STATUS_LABELS: Readonly<
  Record<ConsoleStatus['kind'], string>
> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  disconnected: 'Disconnected',
  inUse: 'In use by someone else',
  failed: 'Could not connect',
};

/** The screen's height; noVNC scales the VM's screen to fit. */
const SCREEN_HEIGHT = '70vh';

function StatusMessage(props: {
  vmId: string;
  status: ConsoleStatus;
  onTakeOver: () => void;
}) {
  const { status } = props;
  switch (status.kind) {
    case 'connected':
      return (
        <Typography variant="body2">
          {status.desktopName ? `${status.desktopName} · ` : ''}
          Your access ends {formatTimestamp(status.grantExpiresAt)} (
          <RelativeTime timestamp={status.grantExpiresAt} />
          ).
        </Typography>
      );
    case 'disconnected':
      return (
        <Alert severity="info">
          {status.reason}
          {status.code !== undefined && (
            <>
              {' '}
              (close code <code>{status.code}</code>)
            </>
          )}
        </Alert>
      );
    case 'inUse':
      // Taking over ends the other user's session, so only users who may do it see it.
      return (
        <Alert
          severity="warning"
          action={
            <PermissionGate
              permission={shepherdVmConsoleTakeoverPermission}
              resourceRef={props.vmId}
            >
              <Button color="inherit" size="small" onClick={props.onTakeOver}>
                {TAKE_OVER_LABEL}
              </Button>
            </PermissionGate>
          }
        >
          <AlertTitle>{IN_USE_TITLE}</AlertTitle>
          {status.reason}
        </Alert>
      );
    case 'failed':
      return (
        <ShepherdErrorPanel
          title="Could not open the console"
          error={status.error}
        />
      );
    default:
      return null;
  }
}

/**
 * A VM's VNC console, inside the card of the user's console access: connect and disconnect,
 * the session's status and why it ended, Ctrl+Alt+Del, typing a pasted text, and a
 * view-only mode that sends no keys or clicks. Shown only to users with an active console
 * grant on a running VM.
 */
export function VncConsole(props: { vmId: string }) {
  const screen = useRef<HTMLDivElement>(null);
  const vnc = useVncConsole(props.vmId, screen);
  const [text, setText] = useState('');
  const { status } = vnc;
  const live = status.kind === 'connected';
  const busy = status.kind === 'connecting';
  const canSendKeys = live && !vnc.viewOnly;
  const textTooLong = text.length > MAX_TYPED_CHARACTERS;

  return (
    <>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Typography variant="subtitle2" role="status" aria-live="polite">
          {CONSOLE_STATUS_LABELS[status.kind]}
        </Typography>
        <Box flexGrow={1} />
        {live || busy ? (
          <Button variant="outlined" onClick={vnc.disconnect}>
            {DISCONNECT_LABEL}
          </Button>
        ) : (
          <Button variant="contained" color="primary" onClick={vnc.connect}>
            {status.kind === 'idle' ? CONNECT_LABEL : RECONNECT_LABEL}
          </Button>
        )}
        <Button
          variant="outlined"
          onClick={vnc.sendCtrlAltDel}
          disabled={!canSendKeys}
        >
          {CTRL_ALT_DEL_LABEL}
        </Button>
        <FormControlLabel
          control={
            <Switch
              checked={vnc.viewOnly}
              onChange={event => vnc.setViewOnly(event.target.checked)}
            />
          }
          label={VIEW_ONLY_LABEL}
        />
      </Box>
      <Box my={1}>
        <StatusMessage
          vmId={props.vmId}
          status={status}
          onTakeOver={vnc.takeOver}
        />
      </Box>
      <div
        ref={screen}
        data-testid="shepherd-console-screen"
        style={{
          height: SCREEN_HEIGHT,
          display: live || busy ? 'block' : 'none',
          background: '#000',
          overflow: 'hidden',
        }}
      />
      <Box display="flex" alignItems="flex-start" mt={2} style={{ gap: 8 }}>
        <TextField
          id="shepherd-console-paste"
          label={PASTE_LABEL}
          value={text}
          onChange={event => setText(event.target.value)}
          error={textTooLong}
          helperText={
            textTooLong
              ? `At most ${MAX_TYPED_CHARACTERS} characters at once`
              : 'Typed into the VM key by key (its console has no clipboard)'
          }
          disabled={!canSendKeys}
          multiline
          maxRows={4}
          fullWidth
          variant="outlined"
          size="small"
        />
        <Button
          variant="outlined"
          // Beside a full-width field the button gets what is left; its label stays whole.
          style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
          disabled={!canSendKeys || !text || textTooLong}
          onClick={() => {
            vnc.typeText(text);
            setText('');
          }}
        >
          {TYPE_TEXT_LABEL}
        </Button>
      </Box>
    </>
  );
}
