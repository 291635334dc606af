/**
 * The runner's API as the browser client and the CLI use it: schemas, types, and the checks of
 * both ends. Browser-safe.
 */
export * from './schemas.ts';
export * from './share-schemas.ts';
export { checkJobRequest, type RequestCheck, type RequestProblem } from './check-request.ts';
export { checkResponse } from './check-response.ts';
