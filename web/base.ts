/** Where the web app lives under its origin: locally on the API server, in AWS behind CloudFront. */
export const APP_BASE = '/app';
