/**
 * Field extraction for one Windows event XML document, as the Splunk Add-on for
 * Microsoft Windows extracts XmlWinEventLog at search time (System fields,
 * `Data Name` fields, unnamed `Data`, UserData leaves, the `*_Xml` blocks).
 * Shared by `XmlWinEventLog` and `sysmon:linux`.
 */
import type { Row } from '../event';
import { addValue, cleanKey, RESERVED_FIELDS, setField } from './fields';
import { parseIsoTime } from './time';
import { childElements, firstChild, parseXml, textOf, type XmlElement } from './xml';

export interface WinEventFields {
  time: number;
  channel?: string;
  computer?: string;
}

/** System child elements whose attributes become fields. */
const ATTRIBUTE_ELEMENTS: Record<string, string[]> = {
  Provider: ['Name', 'Guid', 'EventSourceName'],
  TimeCreated: ['SystemTime'],
  Execution: ['ProcessID', 'ThreadID'],
  Security: ['UserID'],
  Correlation: ['ActivityID', 'RelatedActivityID'],
};

/**
 * Adds the event's fields to `fields` (an event under construction) and returns its
 * time, channel and computer. Throws an Error whose message is the rejection reason;
 * `fields` may then hold a part of the fields and must be discarded.
 */
export function extractWinEvent(fields: Row, src: string, from = 0, to = src.length): WinEventFields {
  const root = parseXml(src, from, to);
  if (root.name !== 'Event') throw new Error(`root element is <${root.name}>, expected <Event>`);
  const system = firstChild(root, 'System');
  if (!system) throw new Error('event has no <System> element');
  for (const el of childElements(system)) {
    const attrNames = ATTRIBUTE_ELEMENTS[el.name];
    if (attrNames) {
      for (const a of attrNames) setField(fields, a, el.attrs[a]);
    } else {
      setField(fields, el.name, textOf(el).trim());
      if (el.name === 'EventID') setField(fields, 'Qualifiers', el.attrs.Qualifiers);
    }
  }
  const eventId = fields.EventID;
  if (eventId === undefined) throw new Error('event has no <EventID>');
  fields.EventCode = eventId;
  if (fields.Name !== undefined) fields.SourceName = fields.Name;
  const systemTime = fields.SystemTime;
  if (systemTime === undefined) throw new Error('event has no <TimeCreated SystemTime>');
  const time = parseIsoTime(String(systemTime));
  if (time === undefined) throw new Error(`TimeCreated SystemTime "${systemTime}" is not an ISO 8601 time`);
  fields.System_Props_Xml = src.slice(system.innerStart, system.innerEnd);

  const eventData = firstChild(root, 'EventData');
  if (eventData) {
    fields.EventData_Xml = src.slice(eventData.innerStart, eventData.innerEnd);
    for (const el of childElements(eventData)) {
      const value = textOf(el);
      if (el.name === 'Data') {
        const name = el.attrs.Name;
        if (name !== undefined) addData(fields, cleanKey(name), value);
        else addValue(fields, 'Data', value);
      } else if (el.name === 'Binary') {
        setField(fields, 'Binary', value.trim());
      }
    }
  }
  const userData = firstChild(root, 'UserData');
  if (userData) {
    fields.UserData_Xml = src.slice(userData.innerStart, userData.innerEnd);
    for (const payload of childElements(userData)) addLeaves(fields, payload);
  }
  const channel = fields.Channel === undefined ? undefined : String(fields.Channel);
  const computer = fields.Computer === undefined ? undefined : String(fields.Computer);
  return { time, channel, computer };
}

function addData(fields: Row, name: string, value: string): void {
  if (name === '' || RESERVED_FIELDS.has(name)) return;
  addValue(fields, name, value);
}

function addLeaves(fields: Row, el: XmlElement): void {
  const kids = childElements(el);
  if (kids.length === 0) {
    addData(fields, cleanKey(el.name), textOf(el));
    return;
  }
  for (const k of kids) addLeaves(fields, k);
}
