import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { allDatasets, findDataset, findNode, modelNames } from '../../../src/engine/cim';
import { buildDatasets, DEFAULT_MODEL_DIR, GENERATED_FILE, renderGenerated } from '../../../src/engine/cim/generate';

const haveShared = fs.existsSync(DEFAULT_MODEL_DIR);

describe('generated CIM dataset table', () => {
  (haveShared ? it : it.skip)('is current with ../shared/splunk-reference/cim-datamodels (run `npm run generate:cim`)', () => {
    const committed = fs.readFileSync(GENERATED_FILE, 'utf8');
    expect(committed).toBe(renderGenerated(buildDatasets(DEFAULT_MODEL_DIR)));
  });

  it('has the datasets the app searches use', () => {
    for (const p of [
      'Endpoint.Processes',
      'Endpoint.Filesystem',
      'Endpoint.Registry',
      'Web.Web',
      'Network_Traffic.All_Traffic',
      'Authentication.Authentication',
      'Authentication.Failed_Authentication',
      'Change.All_Changes',
      'Malware.Malware_Attacks',
    ]) {
      expect(findDataset(p)?.path).toBe(p);
    }
    expect(allDatasets().length).toBeGreaterThan(50);
    expect(modelNames()).toEqual(expect.arrayContaining(['Endpoint', 'Web', 'Interprocess_Messaging']));
  });
});

describe('dataset resolution', () => {
  // tstats: "FROM datamodel=<data_model_name>.<root_dataset_name>" — https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/tstats
  it('resolves a model name alone to its single root dataset (datamodel=Web is Web.Web)', () => {
    expect(findDataset('Web')?.path).toBe('Web.Web');
    expect(findDataset('Endpoint')).toBeUndefined(); // five root datasets: ambiguous
    expect(findDataset('Nope.Nothing')).toBeUndefined();
  });

  it('names datasets as Splunk does (underscores, not display names with spaces)', () => {
    expect(findDataset('Malware.Malware_Attacks')?.constraints).toEqual(['tag=malware tag=attack']);
    expect(findDataset('Malware.Malware Attacks')).toBeUndefined();
  });

  it('gives Endpoint.Processes its constraint and CIM fields plus the BaseEvent fields', () => {
    const d = findDataset('Endpoint.Processes')!;
    expect(d.model).toBe('Endpoint');
    expect(d.name).toBe('Processes');
    expect(d.constraints[0]).toMatch(/^tag=process tag=report/);
    expect(d.fields).toEqual(
      expect.arrayContaining(['process', 'process_name', 'process_path', 'parent_process_name', 'process_guid', 'user', 'dest', '_time', 'host', 'source', 'sourcetype']),
    );
  });

  it('chains a child dataset to its parent: constraints root first, fields inherited', () => {
    const failed = findDataset('Authentication.Failed_Authentication')!;
    expect(failed.parent).toBe('Authentication');
    expect(failed.constraints).toEqual(['tag=authentication NOT (action=success user=*$)', 'action="failure"']);
    expect(failed.fields).toEqual(expect.arrayContaining(['action', 'user', 'src', 'dest', 'app']));
    const grandchild = findDataset('Change.Accounts_Created')!;
    expect(grandchild.lineage).toBe('All_Changes.Account_Management.Accounts_Created');
    expect(grandchild.constraints).toHaveLength(3);
    expect(grandchild.fields.indexOf('_time')).toBe(grandchild.fields.length - 5);
  });

  it('resolves nodename by lineage, by path, or by bare dataset name within the model', () => {
    expect(findNode('Authentication', 'Authentication.Failed_Authentication')?.name).toBe('Failed_Authentication');
    expect(findNode('Change', 'All_Changes.Account_Management')?.name).toBe('Account_Management');
    expect(findNode('Network_Traffic', 'Blocked_Traffic')?.constraints).toEqual(['tag=network tag=communicate', 'action=blocked']);
    expect(findNode('Web', 'Nothing')).toBeUndefined();
  });
});

describe('generator input errors', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cim-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names the file that is not valid JSON', () => {
    fs.writeFileSync(path.join(dir, 'Broken.json'), '{"model_name": "Broken", ');
    expect(() => buildDatasets(dir)).toThrow(/Broken\.json: not valid JSON/);
  });

  it('rejects an empty directory', () => {
    expect(() => buildDatasets(dir)).toThrow(/no data-model JSON files/);
  });

  it('takes the model name from the file name when model_name is empty', () => {
    fs.writeFileSync(
      path.join(dir, 'Interprocess_Messaging.json'),
      JSON.stringify({ model_name: '', objects: [{ name: 'All_Messaging', search_constraints: 'tag=messaging', fields: [{ name: 'dest' }] }] }),
    );
    const [d] = buildDatasets(dir);
    expect(d.path).toBe('Interprocess_Messaging.All_Messaging');
    expect(d.fields).toEqual(['dest', '_time', 'host', 'source', 'sourcetype', 'tag']);
  });
});
