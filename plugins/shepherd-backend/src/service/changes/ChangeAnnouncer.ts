import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import {
  SHEPHERD_CHANGES_TOPIC,
  ShepherdChangesEvent,
  ShepherdRecordChange,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { PublicationsInFlight } from './PublicationsInFlight';

/**
 * Announces committed changes of Systems, Services and VMs on Backstage's events service
 * (topic {@link SHEPHERD_CHANGES_TOPIC}), so the catalog's entity provider can follow them
 * without waiting for its next full read. Announcing never delays or fails the change: the
 * provider's periodic full read repairs a lost event.
 */
export class ChangeAnnouncer {
  readonly #inFlight = new PublicationsInFlight();

  constructor(
    private readonly events: EventsService,
    private readonly logger: LoggerService,
  ) {}

  announce(changes: ShepherdRecordChange[]): void {
    if (changes.length === 0) return;
    const eventPayload: ShepherdChangesEvent = { changes };
    this.#inFlight.start(
      () =>
        this.events.publish({ topic: SHEPHERD_CHANGES_TOPIC, eventPayload }),
      error => {
        this.logger.warn(
          `Could not announce ${changes.length} changed record(s) on ${SHEPHERD_CHANGES_TOPIC}: ${error}`,
        );
      },
    );
  }

  /** Resolves once the announcements made so far were handed to the events service. */
  async settled(): Promise<void> {
    await this.#inFlight.settled();
  }
}
