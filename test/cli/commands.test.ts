/** main.ts lists each command's name and description so --help loads no command module: they must match the modules. */
import { COMMANDS } from '../../src/cli/main';

describe('the lazily loaded command table', () => {
  it.each(COMMANDS.map((c) => [c.command, c] as const))('%s: name and description match its module', (_name, c) => {
    const m = c.load();
    expect(c.command).toBe(m.command);
    expect(c.describe).toBe(m.describe);
    expect(typeof m.handler).toBe('function');
  });
});
