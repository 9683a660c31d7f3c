import { LoggerService } from '@backstage/backend-plugin-api';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  SHEPHERD_SIGNAL_CHANNELS,
  ShepherdTicketsSignal,
  ShepherdVmsSignal,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { PublicationsInFlight } from './PublicationsInFlight';
import { LiveChanges } from './recordChanges';

/**
 * Signals committed changes of VMs and tickets to open pages (Backstage signals, channels
 * {@link SHEPHERD_SIGNAL_CHANNELS}), so they re-read what changed instead of polling for it.
 * Signals go to every signed-in user, unfiltered by permission: they carry ids only, and a
 * page re-reads the records through the permission-checked API. Signalling never delays or
 * fails the change; a lost signal is repaired by the pages' slow fallback polling.
 */
export class ChangeSignaller {
  readonly #inFlight = new PublicationsInFlight();

  constructor(
    private readonly signals: SignalsService,
    private readonly logger: LoggerService,
  ) {}

  signal(changes: LiveChanges): void {
    if (changes.vms.length > 0) {
      const message: ShepherdVmsSignal = { changes: changes.vms };
      this.#publish(SHEPHERD_SIGNAL_CHANNELS.vms, message);
    }
    if (changes.tickets.length > 0) {
      const message: ShepherdTicketsSignal = { changes: changes.tickets };
      this.#publish(SHEPHERD_SIGNAL_CHANNELS.tickets, message);
    }
  }

  #publish(
    channel: string,
    message: ShepherdVmsSignal | ShepherdTicketsSignal,
  ): void {
    this.#inFlight.start(
      () =>
        this.signals.publish({
          recipients: { type: 'broadcast' },
          channel,
          message,
        }),
      error => {
        this.logger.warn(
          `Could not signal ${message.changes.length} change(s) on ${channel}: ${error}`,
        );
      },
    );
  }

  /** Resolves once the signals sent so far were handed to the signals service. */
  async settled(): Promise<void> {
    await this.#inFlight.settled();
  }
}
