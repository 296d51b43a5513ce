import { combineSearches } from '../../src/ui/useSearch';

describe('combineSearches', () => {
  const rows = [{ technique_id: 'T1505' }];

  it('is running until every search is done', () => {
    expect(combineSearches({ a: { status: 'done', rows }, b: { status: 'running' } })).toEqual({ status: 'running' });
  });

  it('fails as soon as one search fails, with that search\'s message', () => {
    expect(combineSearches({ a: { status: 'running' }, b: { status: 'failed', message: 'no lookup' } })).toEqual({
      status: 'failed',
      message: 'no lookup',
    });
  });

  it('gives each search\'s rows under its key when all are done', () => {
    expect(combineSearches({ a: { status: 'done', rows }, b: { status: 'done', rows: [] } })).toEqual({
      status: 'done',
      rows: { a: rows, b: [] },
    });
  });
});
