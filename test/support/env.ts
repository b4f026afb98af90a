// What the global setup (test/global-setup.ts) exports to the suites: the local stack's URLs and names.
export const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the global setup did not run`);
  return value;
};
