/**
 * Problems found in the detection sources, each naming the file, the position and the
 * field, so an author can jump straight to it.
 */

export interface Problem {
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  /** Dotted path of the field (`tests.0.expect.count`), empty for the whole file. */
  field: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  const position = problem.line > 0 ? `:${problem.line}${problem.column > 0 ? `:${problem.column}` : ''}` : '';
  const field = problem.field ? ` ${problem.field}:` : '';
  return `${problem.file}${position}:${field} ${problem.message}`;
}

export class DetectionSourceError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the detection sources:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'DetectionSourceError';
  }
}
