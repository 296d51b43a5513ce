/** Time zones: UTC unless one is given (an IANA name such as `Europe/Berlin`, or `UTC+2`-style offsets luxon accepts). */
import { DateTime, IANAZone, FixedOffsetZone, type Zone } from 'luxon';

export class TimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeError';
  }
}

const zones = new Map<string, Zone>();

export function resolveZone(name: string | undefined): Zone {
  const key = name ?? 'UTC';
  let zone = zones.get(key);
  if (zone) return zone;
  if (/^(utc|gmt|z)$/i.test(key)) zone = FixedOffsetZone.utcInstance;
  else if (IANAZone.isValidZone(key)) zone = IANAZone.create(key);
  else {
    const fixed = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(key);
    if (!fixed) throw new TimeError(`unknown time zone "${key}" (use an IANA name such as "America/New_York" or an offset such as "+02:00")`);
    const minutes = (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)) * (fixed[1] === '-' ? -1 : 1);
    zone = FixedOffsetZone.instance(minutes);
  }
  zones.set(key, zone);
  return zone;
}

export function dateTimeAt(epochSeconds: number, zone: Zone): DateTime {
  return DateTime.fromMillis(Math.floor(epochSeconds * 1000), { zone });
}

export function toEpoch(dt: DateTime): number {
  return dt.toMillis() / 1000;
}
