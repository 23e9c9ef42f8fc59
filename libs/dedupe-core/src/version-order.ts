import { CanonicalItem, TimePrecision, WireFormat } from '@copydesk/contracts';

/** Where a version stands among its story's versions. */
export interface VersionPosition {
  wireGuid: string | null;
  /** Opaque, as the wire carries it. */
  wireVersion: string | null;
  format: WireFormat;
  /** versionCreated, else the source's update time (ISO). */
  time: string | null;
  precision: TimePrecision;
}

/** Formats whose version is defined as an integer that rises with each version. */
const INTEGER_VERSIONS: ReadonlySet<WireFormat> = new Set<WireFormat>(['newsml-g2', 'ap-media', 'newsml-1.2']);

export function positionOf(item: CanonicalItem): VersionPosition {
  const created = isoInstant(item.versionCreated);
  return {
    wireGuid: item.wire.guid ?? null,
    wireVersion: item.wire.version ?? null,
    format: item.format,
    time: created ?? isoInstant(item.sourceUpdated?.at),
    precision: created ? 'second' : (item.sourceUpdated?.precision ?? 'second'),
  };
}

/** The instant in ISO form; null for none and for a string that is no instant (a version time cannot order what it cannot read). */
function isoInstant(time: string | undefined): string | null {
  const ms = time ? Date.parse(time) : NaN;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const PRECISION_MS: Record<TimePrecision, number> = { second: 1000, minute: 60_000, day: 86_400_000 };

/**
 * Compares two versions of one story: -1 when `a` is older, 1 when newer, 0 when they
 * cannot be told apart (then arrival decides). The wire's version first, but only where
 * the format defines it as a rising integer and both come from the same wire id (opaque
 * version strings are never compared as numbers); then the version time, at the coarser
 * of the two precisions.
 */
export function compareVersions(a: VersionPosition, b: VersionPosition): -1 | 0 | 1 {
  if (
    a.wireGuid !== null &&
    a.wireGuid === b.wireGuid &&
    a.format === b.format &&
    INTEGER_VERSIONS.has(a.format) &&
    a.wireVersion !== null &&
    b.wireVersion !== null &&
    /^\d{1,30}$/.test(a.wireVersion) &&
    /^\d{1,30}$/.test(b.wireVersion)
  ) {
    const va = BigInt(a.wireVersion);
    const vb = BigInt(b.wireVersion);
    if (va !== vb) return va < vb ? -1 : 1;
  }
  if (a.time && b.time) {
    const unit = Math.max(PRECISION_MS[a.precision], PRECISION_MS[b.precision]);
    const ta = Math.floor(Date.parse(a.time) / unit);
    const tb = Math.floor(Date.parse(b.time) / unit);
    if (ta !== tb) return ta < tb ? -1 : 1;
  }
  return 0;
}
