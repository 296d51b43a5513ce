/**
 * The README's generated coverage section: detections per technique and data source,
 * written between markers so the rest of the README stays hand-written.
 */
import type { DetectionSet } from './load';
import { attackUrl, type TechniqueNames } from './gen-docs';

export const README_FILE = 'README.md';
export const BEGIN_MARKER = '<!-- BEGIN GENERATED: detection coverage (npm run generate:detections) -->';
export const END_MARKER = '<!-- END GENERATED: detection coverage -->';

/** The techniques the app covers, in table order. */
export const COVERED_TECHNIQUES = ['T1505', 'T1505.001', 'T1505.002', 'T1505.003', 'T1505.004', 'T1505.005', 'T1505.006'];

export function coverageSection(set: DetectionSet, names: TechniqueNames): string {
  const sourceTitle = new Map<string, string>([
    ...set.dataSources.sources.map((s) => [s.name, s.title] as [string, string]),
    ...set.dataSources.datamodels.map((m) => [m.name, m.title] as [string, string]),
  ]);
  const usedSources = [...sourceTitle.keys()].filter((key) =>
    set.detections.some(({ detection }) => detection.data_sources.some((s) => (s.macro ?? s.datamodel) === key)),
  );
  const header = ['technique', 'detections', 'TTP', 'Anomaly', 'Hunting', ...usedSources.map((k) => sourceTitle.get(k)!)];
  const rows = COVERED_TECHNIQUES.map((technique) => {
    const list = set.detections.filter((l) => l.techniqueFolder === technique).map((l) => l.detection);
    const count = (pred: (d: (typeof list)[number]) => boolean): string => {
      const n = list.filter(pred).length;
      return n ? String(n) : '·';
    };
    return [
      `[${technique}](${attackUrl(technique)}) ${names.get(technique) ?? ''}`.trim(),
      String(list.length),
      count((d) => d.type === 'TTP'),
      count((d) => d.type === 'Anomaly'),
      count((d) => d.type === 'Hunting'),
      ...usedSources.map((key) => count((d) => d.data_sources.some((s) => (s.macro ?? s.datamodel) === key))),
    ];
  });
  const total = set.detections.length;
  return [
    BEGIN_MARKER,
    '',
    '## Detection coverage',
    '',
    `${total} detections; every one is replayed by the tests on a recorded true-positive and a benign near-miss. Cells count detections per technique and data source; details in [docs/detections](docs/detections/README.md).`,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    END_MARKER,
  ].join('\n');
}

/** Replaces the section between the markers, or appends it when the README has none. */
export function withCoverageSection(readme: string | undefined, section: string): string {
  if (readme === undefined) return `# T1505 Server Software Component\n\n${section}\n`;
  const begin = readme.indexOf(BEGIN_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (begin >= 0 && end > begin) return readme.slice(0, begin) + section + readme.slice(end + END_MARKER.length);
  if (begin >= 0 || end >= 0) throw new Error(`${README_FILE}: found only one of the coverage markers; restore both or remove both`);
  return `${readme.replace(/\n*$/, '\n')}\n${section}\n`;
}
