#!/usr/bin/env node
// Prints a Backstage user token for a demo persona of the development portal, for scripts
// and API calls:  curl -H "Authorization: Bearer $(node scripts/persona-token.mjs approver)" ...
// Usage: node scripts/persona-token.mjs <persona> [backend base URL, default http://localhost:7007]
const [persona, baseUrl = 'http://localhost:7007'] = process.argv.slice(2);
if (!persona) {
  console.error(
    'Usage: node scripts/persona-token.mjs <persona> [backend base URL]',
  );
  process.exit(2);
}
const response = await fetch(`${baseUrl}/api/auth/demo-persona/refresh`, {
  method: 'POST',
  headers: {
    'x-shepherd-demo-persona': persona,
    'x-requested-with': 'XMLHttpRequest',
  },
});
const body = await response.json().catch(() => ({}));
if (!response.ok) {
  console.error(
    `Sign-in as '${persona}' failed (${response.status}): ${
      body.error?.message ?? response.statusText
    }`,
  );
  process.exit(1);
}
process.stdout.write(`${body.backstageIdentity.token}\n`);
