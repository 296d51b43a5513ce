/**
 * Schemas of the detection sources: `detections/<technique folder>/<id>/detection.yml`,
 * `detections/data_sources.yml` and `detections/macros.yml` (docs/detection-format.md).
 * Objects are strict: an unknown key is an error, so typos do not pass silently.
 */
import { z } from 'zod';

export const DETECTION_TYPES = ['TTP', 'Anomaly', 'Hunting', 'Correlation', 'Context'] as const;
export const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export const SECURITY_DOMAINS = ['endpoint', 'network', 'identity', 'access', 'threat', 'audit'] as const;

/** ES risk threat-object types (splunk/contentctl `contentctl/objects/rba.py`, ThreatObjectType). */
export const THREAT_OBJECT_TYPES = [
  'certificate_common_name', 'certificate_organization', 'certificate_serial', 'certificate_unit',
  'command', 'domain', 'email_address', 'email_subject', 'file_hash', 'file_name', 'file_path',
  'http_user_agent', 'ip_address', 'process', 'process_name', 'parent_process', 'parent_process_name',
  'process_hash', 'registry_path', 'registry_value_name', 'registry_value_text', 'service',
  'signature', 'system', 'tls_hash', 'url',
] as const;

const snakeId = z.string().regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'expected snake_case: lower-case letters, digits and single underscores');
const macroName = z.string().regex(/^t1505_[a-z0-9_]+$/, 'expected a macro name starting with t1505_ (lower-case, digits, underscores)');
const fieldName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.{}]*$/, 'expected a field name (letters, digits, _ . {} ; not starting with a digit)');
const techniqueId = z.string().regex(/^T\d{4}(\.\d{3})?$/, 'expected an ATT&CK technique id such as T1505 or T1505.003');
const tacticId = z.string().regex(/^TA\d{4}$/, 'expected an ATT&CK tactic id such as TA0003');
const text = z.string().trim().min(1, 'must not be empty');
const oneLine = text.regex(/^[^\n]*$/, 'must be a single line');
const timeModifier = z
  .string()
  .regex(/^(now|[+-]\d+(s|m|h|d|w|mon|y)(@(s|m|h|d|w[0-7]?|mon|q|y))?|@(s|m|h|d|w[0-7]?|mon|q|y))$/, 'expected a relative time modifier such as -75m@m or now')
  .refine((v) => !v.startsWith('rt'), 'real-time windows are not allowed');

const dataSource = z
  .strictObject({
    macro: macroName.optional(),
    datamodel: z.string().regex(/^[A-Z][A-Za-z_]*(\.[A-Z][A-Za-z_]*)*$/, 'expected a CIM dataset such as Endpoint.Processes').optional(),
    description: text,
    event_codes: z.array(z.union([z.string().regex(/^\d+$/, 'expected a numeric event code'), z.number().int().nonnegative()]).transform(String)).optional(),
    add_on: text.optional(),
    how_to_enable: text.optional(),
  })
  .refine((s) => (s.macro === undefined) !== (s.datamodel === undefined), 'give exactly one of macro or datamodel');

const riskObject = z.strictObject({
  field: fieldName,
  type: z.enum(['system', 'user', 'other']),
  score: z.number().int().min(1).max(100).optional(),
});

const fixtureFile = z
  .string()
  .regex(/^[^/\\][^\\]*$/, 'expected a file name relative to the detection folder (forward slashes)')
  .refine((f) => !f.split('/').includes('..'), 'must stay inside the detection folder');

const LOOKUP_NAME = /^[A-Za-z0-9_-]+$/;
const LOOKUP_NAME_MESSAGE = 'expected the name of a lookup file in lookups/ without .csv, e.g. t1505_server_roles';

/** Lookup files of the app named without `.csv` (`t1505_server_roles` is lookups/t1505_server_roles.csv) → fixture. */
const caseLookups = z.record(z.string(), fixtureFile).superRefine((lookups, ctx) => {
  for (const name of Object.keys(lookups)) {
    if (!LOOKUP_NAME.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: LOOKUP_NAME_MESSAGE });
  }
});

const testInput = z.strictObject({
  file: fixtureFile,
  sourcetype: text,
  source: text.optional(),
  host: text.optional(),
  index: text.optional(),
});

const expectedValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()])).min(2, 'a multivalue expectation lists at least two values')]);

const testCase = z.strictObject({
  name: oneLine.regex(/^[^"`$]*$/, 'must not contain ", ` or $'),
  kind: z.enum(['true_positive', 'benign']),
  inputs: z.array(testInput).min(1, 'a test needs at least one input file'),
  /** Rows appended to the app's lookup for this case only: lookup name (lookups/<name>.csv) → CSV file in the detection folder with the same header. */
  lookups: caseLookups.optional(),
  /** Benign only: lookups whose rows make the case benign; it is replayed with them emptied and must then fire. */
  suppressed_by: z.array(z.string().regex(LOOKUP_NAME, LOOKUP_NAME_MESSAGE)).min(1).optional(),
  now: z.union([z.string().datetime({ offset: true, message: 'expected an ISO 8601 date-time such as 2026-03-14T10:15:00Z' }), z.number().positive()]).optional(),
  expect: z.strictObject({
    count: z.number().int().nonnegative(),
    rows: z.array(z.record(fieldName, expectedValue)).optional(),
  }),
});

export const detectionSchema = z
  .strictObject({
    id: snakeId,
    title: oneLine
      .min(8, 'is too short (8 characters at least)')
      .max(90, 'is too long (90 characters at most)')
      .regex(/^[A-Za-z0-9][A-Za-z0-9 .,:;()'/+&_-]*$/, 'may hold letters, digits, spaces and . , : ; ( ) \' / + & _ - only (it becomes a saved search name inside SPL strings)'),
    type: z.enum(DETECTION_TYPES),
    status: z.enum(['production', 'experimental']),
    description: text.min(40, 'is too short: say what the detection finds and why it matters'),
    attack: z.strictObject({
      techniques: z.array(techniqueId).min(1),
      tactics: z.array(tacticId).min(1),
    }),
    data_sources: z.array(dataSource).min(1),
    roles: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a role name such as web or linux-web')).min(1).optional(),
    search: text,
    output: z.strictObject({ evidence: z.array(fieldName).min(1, 'list at least one evidence field') }),
    allowlist_key: fieldName.optional(),
    severity: z.enum(SEVERITIES),
    security_domain: z.enum(SECURITY_DOMAINS).default('endpoint'),
    risk: z.strictObject({
      score: z.number().int().min(1).max(100),
      objects: z.array(riskObject).min(1),
      threat_objects: z.array(z.strictObject({ field: fieldName, type: z.enum(THREAT_OBJECT_TYPES) })).default([]),
      message: oneLine,
    }),
    schedule: z.strictObject({
      cron: z.string().trim(),
      earliest: timeModifier,
      latest: timeModifier.default('now'),
      schedule_window: z.union([z.literal('auto'), z.number().int().nonnegative()]).default('auto'),
    }),
    suppress: z
      .strictObject({
        fields: z.array(fieldName).min(1),
        period: z.string().regex(/^\d+[smhd]$/, 'expected a period such as 86400s or 24h'),
      })
      .optional(),
    drilldown: z.strictObject({ name: oneLine, search: text }),
    known_false_positives: text,
    tuning: text,
    references: z.array(z.url({ protocol: /^https?$/ })).default([]),
    tests: z.array(testCase).min(2, 'a detection needs at least a true_positive and a benign test'),
  });

export type Detection = z.infer<typeof detectionSchema>;
export type DetectionTest = Detection['tests'][number];
export type DetectionDataSource = Detection['data_sources'][number];

const macroDefinition = z.strictObject({
  name: macroName,
  args: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a lower-case argument name')).min(1).optional(),
  definition: text,
  description: text,
});

export const macrosFileSchema = z.strictObject({ macros: z.array(macroDefinition).min(1) });

export const dataSourcesFileSchema = z.strictObject({
  index_macros: z.array(z.strictObject({ name: macroName, definition: text, description: text })).min(1),
  sources: z
    .array(
      z.strictObject({
        name: macroName,
        args: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).min(1).optional(),
        index: macroName,
        definition: text,
        title: oneLine,
        add_on: text,
        how_to_enable: text,
      }),
    )
    .min(1),
  datamodels: z.array(z.strictObject({ name: text, title: oneLine, add_on: text, how_to_enable: text })),
  roles: z.array(z.strictObject({ name: z.string().regex(/^[a-z][a-z0-9-]*$/), description: text })).min(1),
});

export type MacroDefinition = z.infer<typeof macroDefinition>;
export type MacrosFile = z.infer<typeof macrosFileSchema>;
export type DataSourcesFile = z.infer<typeof dataSourcesFileSchema>;
