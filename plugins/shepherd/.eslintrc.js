module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    // The Shepherd API client's methods are the HTTP verbs: client.GET('/v1/vms', …).
    'new-cap': [
      'error',
      { capIsNewExceptions: ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'] },
    ],
  },
});
