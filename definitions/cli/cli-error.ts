/** A problem with how the CLI was called or what it was pointed at: exit code 2, no stack trace. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly code = 'usage',
  ) {
    super(message);
  }
}

export const exitCodes = { clean: 0, findings: 1, usage: 2 } as const;

/** Where a command writes; tests pass their own to capture the output. */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CommandIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};
