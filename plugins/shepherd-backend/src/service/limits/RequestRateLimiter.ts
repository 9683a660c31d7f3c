import { Config } from '@backstage/config';
import { RequestRatesStore } from '../../database/stores/requestRates/RequestRatesStore';
import { tooManyRequests } from '../errors';

/** Where the rate limits are configured. */
const CONFIG_KEY = 'shepherd.rateLimits';

/**
 * The kinds of mutating request a user can fire, each limited on its own: requests on VMs
 * that submit a ticket or are carried out directly (create, delete, modify, console access),
 * power actions (start, stop, restart), and console sessions opened.
 */
export const RATE_LIMITED_REQUESTS = [
  'vmRequests',
  'powerActions',
  'consoleSessions',
] as const;

/** A kind of request with a rate limit of its own. */
export type RateLimitedRequest = (typeof RATE_LIMITED_REQUESTS)[number];

/** How people call each kind of request in a refusal. */
const REQUEST_WORDS: Record<RateLimitedRequest, string> = {
  vmRequests: 'VM requests',
  powerActions: 'power actions',
  consoleSessions: 'console sessions',
};

/** The limit of one kind of request: at most `limit` per user in each window. */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/** The bounds and defaults of each setting of a limit. */
const SETTINGS = {
  limit: { default: 60, min: 1, max: 10_000 },
  windowSeconds: { default: 60, min: 1, max: 3_600 },
} as const;

/** Whether limits apply, and the limit of each kind of request. */
export interface RateLimitOptions {
  enabled: boolean;
  limits: Record<RateLimitedRequest, RateLimit>;
}

/**
 * The rate limits of `shepherd.rateLimits`: on by default, 60 requests of each kind per user
 * a minute. Settings outside their bounds stop the backend from starting.
 */
export function readRateLimitOptions(config: Config): RateLimitOptions {
  const section = config.getOptionalConfig(CONFIG_KEY);
  const limitOf = (request: RateLimitedRequest): RateLimit => {
    const configured = section?.getOptionalConfig(request);
    const bounded = (key: keyof typeof SETTINGS) => {
      const { default: fallback, min, max } = SETTINGS[key];
      const value = configured?.getOptionalNumber(key) ?? fallback;
      if (!Number.isInteger(value) || value < min || value > max) {
        throw new Error(
          `${CONFIG_KEY}.${request}.${key} must be a whole number from ${min} to ${max}, got ${value}`,
        );
      }
      return value;
    };
    return { limit: bounded('limit'), windowSeconds: bounded('windowSeconds') };
  };
  return {
    enabled: section?.getOptionalBoolean('enabled') ?? true,
    limits: {
      vmRequests: limitOf('vmRequests'),
      powerActions: limitOf('powerActions'),
      consoleSessions: limitOf('consoleSessions'),
    },
  };
}

/**
 * Entity refs are case-insensitive: `User:default/Alice` and `user:default/alice` are one
 * user, and count against one limit.
 */
export function rateLimitSubject(userEntityRef: string): string {
  return userEntityRef.toLocaleLowerCase('en-US');
}

/**
 * Per-user rate limits of mutating requests, counted in fixed windows in the database that
 * all backend replicas share (ADR 0028). A request over its limit is refused with 429
 * RATE_LIMITED, saying when the window ends; refused requests count too, so a client that
 * keeps sending stays refused until the window ends, and no longer.
 */
export class RequestRateLimiter {
  constructor(
    private readonly rates: RequestRatesStore,
    private readonly options: RateLimitOptions,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Counts a request of `user`; 429 RATE_LIMITED when it is over the limit of its kind. */
  async admit(
    user: { userEntityRef: string },
    request: RateLimitedRequest,
  ): Promise<void> {
    if (!this.options.enabled) return;
    const { limit, windowSeconds } = this.options.limits[request];
    const now = this.clock().getTime();
    const windowMs = windowSeconds * 1000;
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const count = await this.rates.count(
      request,
      rateLimitSubject(user.userEntityRef),
      new Date(windowStart).toISOString(),
    );
    if (count <= limit) return;
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil((windowStart + windowMs - now) / 1000),
    );
    throw tooManyRequests(
      `Too many ${REQUEST_WORDS[request]}: at most ${limit} every ${seconds(
        windowSeconds,
      )} per user. Try again in ${seconds(retryAfterSeconds)}.`,
      { retryAfterSeconds, limit, windowSeconds },
    );
  }

  /** Deletes the counts of windows that ended before the longest window configured. */
  async deleteExpired(): Promise<number> {
    const longestMs =
      Math.max(
        ...Object.values(this.options.limits).map(l => l.windowSeconds),
      ) * 1000;
    const now = this.clock().getTime();
    return this.rates.deleteBefore(new Date(now - longestMs).toISOString());
  }
}

function seconds(count: number): string {
  return count === 1 ? '1 second' : `${count} seconds`;
}
