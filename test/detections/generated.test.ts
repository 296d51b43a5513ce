/**
 * The generated files (savedsearches.conf, macros.conf, the catalogue, the docs pages and the
 * README coverage section) equal what the generator produces from the sources now.
 */
import { resolve } from 'node:path';
import { generatedOutput, outdatedFiles } from '../../src/detections/generate';
import { loadDetectionSet } from '../../src/detections/load';

const root = resolve(__dirname, '..', '..');

test('generated detection files are current (run npm run generate:detections)', () => {
  const set = loadDetectionSet(root);
  const output = generatedOutput(root, set);
  expect(output.files.size).toBeGreaterThanOrEqual(4 + set.detections.length);
  expect({ outdated: outdatedFiles(root, output), fix: 'run npm run generate:detections' }).toEqual({
    outdated: [],
    fix: 'run npm run generate:detections',
  });
});
