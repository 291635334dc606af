/**
 * The wire format of short links (`/api/share`), beside the job API's schemas. The payload of
 * a snapshot is the share payload of the pipeline (`toSharePayload`: files, settings, extras);
 * its shape is checked by the pipeline at both ends, so the schema here leaves it open.
 * Browser-safe: no Node imports here.
 */
import { Type, type Static } from 'typebox';

/** `POST /api/share`: a workspace to keep under a short id. */
export const ShareRequest = Type.Object(
  {
    /** The workspace format version of `payload` (1 today), as in a `#v1/` link. */
    version: Type.Integer({ minimum: 1, maximum: 9999 }),
    /** `{files, settings, extras?}`, exactly what a `#v1/` link holds. */
    payload: Type.Unknown(),
  },
  { additionalProperties: false },
);
export type ShareRequest = Static<typeof ShareRequest>;

/** `201` (stored now) or `200` (already stored) answer to `POST /api/share`. */
export const ShareCreated = Type.Object({
  id: Type.String(),
  /** `/s/<id>`: the page path that opens the snapshot where the runner serves the app. */
  path: Type.String(),
  /** The short link as this request reached the runner (`http://host:port/s/<id>`). */
  url: Type.String(),
  /** False when the same snapshot was stored before (same id, nothing written). */
  created: Type.Boolean(),
});
export type ShareCreated = Static<typeof ShareCreated>;

/** `GET /api/share/:id`: the snapshot as it was stored, byte for byte. */
export const Snapshot = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  payload: Type.Unknown(),
});
export type Snapshot = Static<typeof Snapshot>;

/** Limits of the snapshot store, reported by `GET /api/share`. */
export const ShareLimits = Type.Object({
  /** Most bytes of one snapshot's payload (UTF-8 JSON, as stored). */
  snapshotBytes: Type.Integer(),
  /** Most new snapshots one client address may store in an hour. */
  snapshotsPerHour: Type.Integer(),
});
export type ShareLimits = Static<typeof ShareLimits>;

/** `GET /api/share`: whether and how this runner keeps short links. */
export const ShareInfo = Type.Object({
  /** Characters of an id. */
  idChars: Type.Integer(),
  /** Whether `/s/<id>` opens the playground here (the runner serves the app). */
  servesApp: Type.Boolean(),
  limits: ShareLimits,
});
export type ShareInfo = Static<typeof ShareInfo>;
