/**
 * Field extraction for one Windows event XML document, as the Splunk Add-on for
 * Microsoft Windows extracts XmlWinEventLog at search time (System fields,
 * `Data Name` fields, unnamed `Data`, UserData leaves, the `*_Xml` blocks).
 * Shared by `XmlWinEventLog` and `sysmon:linux`.
 */
import type { Row } from '../event';
import { addValue, cleanKey, RESERVED_FIELDS, setField } from './fields';
import { parseIsoTime } from './time';
import { scanXml, type XmlHandler } from './xml';

export interface WinEventFields {
  time: number;
  channel?: string;
  computer?: string;
}

/**
 * Whether Windows XML field values are XML-decoded. Splunk keeps them as written in the
 * event: the add-on indexes XmlWinEventLog with INDEXED_EXTRACTIONS = xmlkv-winevt, which
 * skips values holding XML-encoded characters (XML_IE_SKIP_XML_ENCODED_VALS, default true,
 * props.conf.spec), and its search-time transforms capture the raw text between the tags.
 * `T1505_XML_VALUES=decoded` decodes them (the engine's behaviour before; for comparisons).
 */
export function decodeXmlValues(): boolean {
  return process.env.T1505_XML_VALUES === 'decoded';
}

type Section = 'none' | 'System' | 'EventData' | 'UserData';

/** The field holding each block's inner XML, as the add-on names them. */
const BLOCK_FIELD = { System: 'System_Props_Xml', EventData: 'EventData_Xml', UserData: 'UserData_Xml' } as const;

/** Collects fields while the scanner walks the event. */
class WinEventCollector implements XmlHandler {
  section: Section = 'none';
  sawSystem = false;
  rootName = '';
  /** Text of the element being read, per depth. */
  private readonly texts: string[] = [];
  /** Whether the element at a depth has child elements (UserData leaves have none). */
  private readonly hasChildren: boolean[] = [];
  private dataName: string | undefined;

  constructor(
    private readonly fields: Row,
    private readonly src: string,
  ) {}

  open(name: string, attrs: Record<string, string>, depth: number): void {
    this.texts[depth] = '';
    this.hasChildren[depth] = false;
    if (depth > 0) this.hasChildren[depth - 1] = true;
    if (depth === 0) {
      this.rootName = name;
      return;
    }
    if (depth === 1) {
      this.section = name === 'System' || name === 'EventData' || name === 'UserData' ? name : 'none';
      if (name === 'System') this.sawSystem = true;
      return;
    }
    if (depth === 2) {
      if (this.section === 'System') {
        // every attribute of a System element is a field named after the attribute, as the
        // add-on's attribute transform extracts them (Provider Name/Guid, TimeCreated
        // SystemTime, Execution ProcessID/ThreadID, Security UserID, EventID Qualifiers…)
        for (const a in attrs) setField(this.fields, cleanKey(a), attrs[a]);
      } else if (this.section === 'EventData' && name === 'Data') {
        this.dataName = attrs.Name;
      }
    }
  }

  text(text: string, depth: number): void {
    this.texts[depth] += text;
  }

  close(name: string, depth: number, innerStart: number, innerEnd: number): void {
    const text = this.texts[depth];
    if (depth === 1) {
      if (this.section !== 'none') this.fields[BLOCK_FIELD[this.section]] = this.src.slice(innerStart, innerEnd);
      this.section = 'none';
      return;
    }
    if (depth < 2) return;
    if (this.section === 'System' && depth === 2) {
      setField(this.fields, name, text.trim());
    } else if (this.section === 'EventData' && depth === 2) {
      if (name === 'Data') {
        if (this.dataName !== undefined) addData(this.fields, cleanKey(this.dataName), text);
        else addValue(this.fields, 'Data', text);
        this.dataName = undefined;
      } else if (name === 'Binary') {
        setField(this.fields, 'Binary', text.trim());
      }
    } else if (this.section === 'UserData' && depth >= 3 && !this.hasChildren[depth]) {
      addData(this.fields, cleanKey(name), text);
    }
  }
}

/**
 * Adds the event's fields to `fields` (an event under construction) and returns its
 * time, channel and computer. Throws an Error whose message is the rejection reason;
 * `fields` may then hold a part of the fields and must be discarded.
 */
export function extractWinEvent(fields: Row, src: string, from = 0, to = src.length): WinEventFields {
  const collector = new WinEventCollector(fields, src);
  scanXml(src, collector, from, to, { decode: decodeXmlValues() });
  if (collector.rootName !== 'Event') throw new Error(`root element is <${collector.rootName}>, expected <Event>`);
  if (!collector.sawSystem) throw new Error('event has no <System> element');
  const eventId = fields.EventID;
  if (eventId === undefined) throw new Error('event has no <EventID>');
  fields.EventCode = eventId;
  if (fields.Name !== undefined) fields.SourceName = fields.Name;
  const systemTime = fields.SystemTime;
  if (systemTime === undefined) throw new Error('event has no <TimeCreated SystemTime>');
  const time = parseIsoTime(String(systemTime));
  if (time === undefined) throw new Error(`TimeCreated SystemTime "${systemTime}" is not an ISO 8601 time`);
  const channel = fields.Channel === undefined ? undefined : String(fields.Channel);
  const computer = fields.Computer === undefined ? undefined : String(fields.Computer);
  return { time, channel, computer };
}

function addData(fields: Row, name: string, value: string): void {
  if (name === '' || RESERVED_FIELDS.has(name)) return;
  addValue(fields, name, value);
}
