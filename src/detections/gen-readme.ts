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
  const byTechnique = COVERED_TECHNIQUES.map((technique) => set.detections.filter((l) => l.techniqueFolder === technique).map((l) => l.detection));
  const cell = (n: number): string => (n ? String(n) : '·');
  const techniqueRows = COVERED_TECHNIQUES.map((technique, i) => {
    const list = byTechnique[i];
    const sources = new Set(list.flatMap((d) => d.data_sources.map((s) => s.macro ?? s.datamodel)));
    return [
      `[${technique}](${attackUrl(technique)}) ${names.get(technique) ?? ''}`.trim(),
      String(list.length),
      ...(['TTP', 'Anomaly', 'Hunting'] as const).map((type) => cell(list.filter((d) => d.type === type).length)),
      String(sources.size),
    ];
  });
  const sources = [
    ...set.dataSources.sources.map((s) => ({ key: s.name, label: `${s.title} (\`${s.name}\`)` })),
    ...set.dataSources.datamodels.map((m) => ({ key: m.name, label: m.title })),
  ];
  const sourceRows = sources
    .map(({ key, label }) => [label, ...byTechnique.map((list) => cell(list.filter((d) => d.data_sources.some((s) => (s.macro ?? s.datamodel) === key)).length))])
    .filter((row) => row.slice(1).some((c) => c !== '·'));
  const table = (header: string[], rows: string[][]): string[] => [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
  return [
    BEGIN_MARKER,
    '',
    '## Detection coverage',
    '',
    `${set.detections.length} detections, each replayed by the tests on a recorded true positive and a benign near-miss. Details, prerequisites and tuning: [docs/detections](docs/detections/README.md).`,
    '',
    ...table(['technique', 'detections', 'TTP', 'Anomaly', 'Hunting', 'data sources'], techniqueRows),
    '',
    'Detections per data source and technique:',
    '',
    ...table(['data source', ...COVERED_TECHNIQUES], sourceRows),
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
