// Runs in every test process before the test file is imported: copies the
// stack's environment in, so handlers and SDK clients created at import time
// talk to the local emulators.
import { inject } from 'vitest';

Object.assign(process.env, inject('localStackEnv'));
// A developer's real AWS session must never mix with the dummy local keys.
if (process.env.API_URL) {
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
}
