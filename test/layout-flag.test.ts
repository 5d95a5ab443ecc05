import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLayoutOverrides } from '../src/cli/build-command.js';
import { EXAMPLES, runCli, tempDir } from './helpers.js';

const KNOWN =
  'body_font, title_font, heading1_font, heading2_font, heading3_font, heading3_bold, latin_font, page_number_font, line_spacing, grid, page_numbers, page_width, page_height, margin_top, margin_bottom, margin_left, margin_right, body_size, title_size, heading1_size, heading2_size, heading3_size, line_rule, line_multiple';

describe('--layout key=value', () => {
  it('reads text, numbers and true/false, trimming around the = and the value', () => {
    expect(parseLayoutOverrides([])).toEqual({});
    expect(parseLayoutOverrides(['body_font=仿宋', ' grid = true ', 'heading3_bold=false', 'line_spacing=29.5', 'page_numbers=center'])).toEqual({
      body_font: '仿宋',
      grid: true,
      heading3_bold: false,
      line_spacing: 29.5,
      page_numbers: 'center',
    });
    expect(parseLayoutOverrides(['line_spacing=28', 'line_spacing=30'])).toEqual({ line_spacing: 30 });
    expect(parseLayoutOverrides(['title_font=a=b'])).toEqual({ title_font: 'a=b' });
    expect(parseLayoutOverrides(['line_spacing=28.75'])).toEqual({ line_spacing: 28.75 });
  });

  it.each([
    ['grid', '--layout takes key=value, got “grid”'],
    ['=true', '--layout takes key=value, got “=true”'],
    ['colour=red', `unknown layout setting “colour”; known: ${KNOWN}`],
    // Numbers are digits with at most one decimal point, and nothing after.
    ['line_spacing=29.5pt', 'layout line_spacing: Invalid input: expected number, received string'],
    ['line_spacing=29.', 'layout line_spacing: Invalid input: expected number, received string'],
    ['grid=yes', 'layout grid: Invalid input: expected boolean, received string'],
    ['line_spacing=wide', 'layout line_spacing: Invalid input: expected number, received string'],
    ['line_spacing=-1', 'layout line_spacing: Invalid input: expected number, received string'],
    ['page_numbers=top', 'layout page_numbers: Invalid option: expected one of "outside"|"center"|"right"|"left"|"none"'],
  ])('%s: %s', (pair, message) => {
    expect(parseLayoutOverrides([pair])).toBe(message);
  });

  it('names the settings it does not know each in quotes, in one message', () => {
    expect(parseLayoutOverrides(['colour=red', 'size=4'])).toBe(`unknown layout setting “colour”, “size”; known: ${KNOWN}`);
  });

  it('names every problem at once', () => {
    expect(parseLayoutOverrides(['grid=yes', 'colour=red'])).toBe(`layout grid: Invalid input: expected boolean, received string; unknown layout setting “colour”; known: ${KNOWN}`);
  });

  it('is refused with exit 2 before anything is built, and applied when right', async () => {
    const dir = tempDir();
    const bad = await runCli(['build', join(EXAMPLES, 'tongle-2025.yaml'), '--out', 'out', '-l', 'grid=yes'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('report: layout grid: Invalid input: expected boolean, received string\n');
    const good = await runCli(['build', join(EXAMPLES, 'tongle-2025.yaml'), '--out', 'out', '--format', 'html', '-l', 'body_font=楷体'], dir);
    expect(good.code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'tongle-2025.html'), 'utf8')).toContain('font-size: 16pt');
    expect(readFileSync(join(dir, 'out', 'tongle-2025.html'), 'utf8')).toMatch(/font-family: "Times New Roman", "楷体"/);
  });
});
