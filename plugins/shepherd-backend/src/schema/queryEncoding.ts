import { RequestHandler } from 'express';

/**
 * Characters that standard encoders leave in, or put into, a query value and that the
 * request validator (express-openapi-validator) refuses as "reserved characters" in a query
 * parameter: `URLSearchParams` (and every HTML form) writes a space as `+` and leaves `*`
 * as it is; `encodeURIComponent` leaves `!'()*` as they are.
 */
const LEFT_BY_STANDARD_ENCODERS = /[+!'()*]/g;

function percentEncoded(character: string): string {
  // In a query string, `+` stands for a space (application/x-www-form-urlencoded), which is
  // how Express's query parser reads it too.
  return character === '+'
    ? '%20'
    : `%${character.charCodeAt(0).toString(16).toUpperCase()}`;
}

/**
 * The URL with its query string in the canonical percent-encoding: the same parameters and
 * values, with a space always written `%20` and `!'()*` percent-encoded.
 */
export function withCanonicalQuery(url: string): string {
  const start = url.indexOf('?');
  if (start === -1) {
    return url;
  }
  return (
    url.slice(0, start + 1) +
    url.slice(start + 1).replace(LEFT_BY_STANDARD_ENCODERS, percentEncoded)
  );
}

/**
 * Lets the request validator see query strings as a standard client encodes them. The
 * validator refuses a query value whose raw text contains a reserved character, to catch
 * clients that forget to encode; but it also refuses the `+` with which `URLSearchParams`
 * encodes a space and the `!'()*` that `encodeURIComponent` leaves, so a free-text value
 * such as a deletion reason ("walk done", "no longer needed (ticket #42)") failed with
 * "must be url encoded". Rewriting those characters to their percent-encoding changes no
 * parameter's value (Express has already parsed the query, and reads both forms alike) and
 * keeps the check for the reserved characters that do change a query's meaning (`&`, `=`,
 * `,`, `#`, …).
 */
export function canonicalQueryEncoding(): RequestHandler {
  return (req, _res, next) => {
    // The validator reads the raw query from originalUrl; url is rewritten alike so that
    // both keep naming the same request.
    req.originalUrl = withCanonicalQuery(req.originalUrl);
    req.url = withCanonicalQuery(req.url);
    next();
  };
}
