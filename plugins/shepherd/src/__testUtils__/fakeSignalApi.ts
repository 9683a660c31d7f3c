import { SignalApi, SignalSubscriber } from '@backstage/plugin-signals-react';
import { JsonObject } from '@backstage/types';
import {
  ShepherdTicketsSignal,
  ShepherdVmsSignal,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { act } from '@testing-library/react';

/**
 * The portal's signals API as pages see it (`signalApiRef`): it keeps the subscribers of
 * each channel, and `signal` delivers a message to them as the backend's signals would.
 */
export class FakeSignalApi implements SignalApi {
  readonly #subscribers = new Map<string, Set<(message: JsonObject) => void>>();

  subscribe<TMessage extends JsonObject = JsonObject>(
    channel: string,
    onMessage: (message: TMessage) => void,
  ): SignalSubscriber {
    const callback = onMessage as (message: JsonObject) => void;
    const subscribers = this.#subscribers.get(channel) ?? new Set();
    subscribers.add(callback);
    this.#subscribers.set(channel, subscribers);
    return { unsubscribe: () => subscribers.delete(callback) };
  }

  /** How many subscriptions `channel` has. */
  subscriberCount(channel: string): number {
    return this.#subscribers.get(channel)?.size ?? 0;
  }

  /** Delivers `message` to the subscribers of `channel`, inside React's act. */
  async signal(
    channel: string,
    message: ShepherdVmsSignal | ShepherdTicketsSignal,
  ): Promise<void> {
    await act(async () => {
      for (const subscriber of this.#subscribers.get(channel) ?? []) {
        subscriber(message);
      }
    });
  }
}
