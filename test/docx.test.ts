import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Packer } from 'docx';
import type { Root } from 'mdast';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile/index.js';
import { docxBody, docxDocument, emitDocx } from '../src/emit/docx/index.js';
import { loadPack } from '../src/render/index.js';
import { example, exampleParts, MINIMAL, runBin, standardPack, tempDir } from './helpers.js';
import { figureForm, SEED_FIGURES } from './seed-figures.js';
import { docxParagraphs, docxXmlParts, NS, textOfFirst, zipEntryDates } from './xml.js';

async function docxParts(yaml: string, layout = {}) {
  const r = await compile('t.yaml', yaml, standardPack(), { formats: ['docx'], layout });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const files = unzipSync(r.outputs.docx!);
  const part = (name: string) => strFromU8(files[name]!);
  return { bytes: r.outputs.docx!, files, part };
}

/** The XML of one style, by id. */
function style(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  if (!m) throw new Error(`no style ${id}`);
  return m[0];
}

/** What finishStyles adds: no automatic space between Chinese and Latin text or digits. */
const NO_AUTO_SPACE = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';

/** The text of a paragraph run by run, without markup. */
const textOf = (xml: string) =>
  [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)]
    .map((m) => m[1] ?? '')
    .join('')
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');

describe('DOCX laid out to GB/T 9704', () => {
  it('has A4 paper and margins 37/28/35/26 mm', async () => {
    const { part } = await docxParts(example('zuolan-2024.yaml'));
    const doc = part('word/document.xml');
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" [^>]*w:gutter="0"\/>/);
  });

  it('sets 3号仿宋 with the eastAsia font and zh-CN, and each heading level its font', async () => {
    const { part } = await docxParts(example('zuolan-2024.yaml'));
    const styles = part('word/styles.xml');
    expect(styles).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman" w:hint="eastAsia"\/><w:sz w:val="32"\/>.*<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>/,
    );
    expect(styles).toMatch(/<w:spacing w:after="0" w:before="0" w:line="560" w:lineRule="exact"\/>/);
    expect(style(styles, 'Title')).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*<w:sz w:val="44"\/>/);
    expect(style(styles, 'Title')).toContain('<w:jc w:val="center"/>');
    const levels: [string, string, string][] = [
      ['Heading1', 'heading 1', '黑体'],
      ['Heading2', 'heading 2', '楷体_GB2312'],
      ['Heading3', 'heading 3', '仿宋_GB2312'],
      ['Heading4', 'heading 4', '仿宋_GB2312'],
    ];
    for (const [id, name, font] of levels) {
      const s = style(styles, id);
      expect(s).toContain(`<w:name w:val="${name}"/>`);
      expect(s).toContain(`w:eastAsia="${font}"`);
      expect(s).toContain('<w:sz w:val="32"/>');
      expect(s).toContain('<w:b w:val="false"/>');
    }
    // Runs carry no font of their own, so the heading styles' fonts apply.
    const doc = part('word/document.xml');
    const heading = /<w:p><w:pPr><w:pStyle w:val="Heading1"\/><\/w:pPr>([\s\S]*?)<\/w:p>/.exec(doc)?.[1] ?? '';
    expect(textOf(heading)).toBe(exampleParts('zuolan-2024.yaml')[0]);
    expect(heading).not.toContain('rFonts');
  });

  it.each([
    ['the standard layout', {}],
    ['a layout override', { grid: true, page_numbers: 'center' }],
  ])('sets no automatic space between Chinese and Latin text or digits, in the defaults and in Normal: %s', async (_, layout) => {
    const styles = (await docxParts(MINIMAL, layout)).part('word/styles.xml');
    expect(/<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec(styles)?.[0]).toContain(`<w:pPr>${NO_AUTO_SPACE}`);
    expect(style(styles, 'Normal')).toContain(`<w:pPr>${NO_AUTO_SPACE}</w:pPr>`);
  });

  it('writes page numbers “— N —” in 4号宋体, odd pages right and even pages left, one character in', async () => {
    const { part, files } = await docxParts(example('zuolan-2024.yaml'));
    expect(part('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const doc = part('word/document.xml');
    const rel = part('word/_rels/document.xml.rels');
    const target = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(rId\\d+)"/>`).exec(doc)?.[1];
      const file = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rel)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rel)?.[1];
      return strFromU8(files[`word/${file}`]!);
    };
    const odd = target('default');
    const even = target('even');
    expect(odd).toMatch(/<w:ind w:right="280" w:firstLine="0"\/><w:jc w:val="right"\/>/);
    expect(even).toMatch(/<w:ind w:left="280" w:firstLine="0"\/><w:jc w:val="left"\/>/);
    for (const f of [odd, even]) {
      expect(f).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(textOf(f)).toBe('—  —');
    }
    expect(style(part('word/styles.xml'), 'Footer')).toMatch(/w:eastAsia="宋体"[\s\S]*<w:sz w:val="28"\/>/);
  });

  it('indents the first line of body text and headings two characters, and nothing else', async () => {
    const yaml = `${MINIMAL}recipient: 中共某某县委\nachievements:\n  leadership:\n    text: 正文。\n    items:\n      - heading: 条目\n        text: 说明。\n`;
    const { part } = await docxParts(yaml);
    const styles = part('word/styles.xml');
    expect(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0]).not.toContain('w:ind');
    for (const id of ['BodyText', 'Heading1', 'Heading2', 'Heading3', 'Heading4']) expect(style(styles, id)).toContain('<w:ind w:firstLine="640"/>');
    for (const id of ['Title', 'Footer', 'TableText', 'Signature', 'Recipient', 'DocNumber', 'PlainText']) expect(style(styles, id)).toMatch(/<w:ind [^>]*w:firstLine="0"\/>/);
    // Run-in item headings keep their paragraph's indent and take the level-3 font.
    const doc = part('word/document.xml');
    expect(doc).toMatch(/<w:pStyle w:val="BodyText"\/><\/w:pPr><w:r><w:rPr><w:rFonts [^>]*w:eastAsia="仿宋_GB2312"[^>]*\/><\/w:rPr><w:t xml:space="preserve">1\.<\/w:t>/);
  });

  it('lays out the unsealed signature: issuer 2 characters from the right, date 2 characters right of its start', async () => {
    const { part } = await docxParts(MINIMAL);
    const doc = part('word/document.xml');
    // 测试乡人民政府 is 7 characters, 2026年2月5日 is 6 (digits are half): the date sits 1 character from the right.
    expect(doc).toMatch(
      /<w:pStyle w:val="Signature"\/><w:spacing w:before="560" w:line="560" w:lineRule="exact"\/><w:ind w:right="640" w:firstLine="0"\/><\/w:pPr><w:r><w:t xml:space="preserve">测试乡人民政府<\/w:t>/,
    );
    expect(doc).toMatch(/<w:pStyle w:val="Signature"\/><w:ind w:right="320" w:firstLine="0"\/><\/w:pPr><w:r><w:t xml:space="preserve">2026年2月5日<\/w:t>/);
  });

  it('lays out the sealed signature: date 4 characters from the right, issuer centred above it', async () => {
    const { part } = await docxParts(`${MINIMAL}sealed: true\n`);
    const doc = part('word/document.xml');
    expect(doc).toMatch(/<w:ind w:right="1280" w:firstLine="0"\/><\/w:pPr><w:r><w:t xml:space="preserve">2026年2月5日/);
    // Issuer 7 wide, date 6 wide: centred means 4 + (6 - 7) / 2 = 3.5 characters from the right.
    expect(doc).toMatch(/<w:ind w:right="1120" w:firstLine="0"\/><\/w:pPr><w:r><w:t xml:space="preserve">测试乡人民政府/);
  });

  it('writes tables with explicit column widths, a header row and no indent', async () => {
    const pack = loadPack(tablePack()).pack!;
    const r = await compile('t.yaml', MINIMAL, pack, { formats: ['docx'] });
    const doc = strFromU8(unzipSync(r.outputs.docx!)['word/document.xml']!);
    const grid = /<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(doc)?.[1] ?? '';
    const cols = [...grid.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols).toHaveLength(3);
    expect(cols.every((w) => w > 0)).toBe(true);
    expect(cols.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(8844);
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toMatch(/<w:pStyle w:val="TableText"\/>[\s\S]*?<w:b\/>[\s\S]*?<w:t xml:space="preserve">项目<\/w:t>/);
  });

  it('takes layout overrides: plain 仿宋, bold level 3, the 22×28 grid, centred page numbers', async () => {
    const { part } = await docxParts(MINIMAL, { body_font: '仿宋', heading3_bold: true, grid: true, page_numbers: 'center' });
    const styles = part('word/styles.xml');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts [^>]*w:eastAsia="仿宋"/);
    expect(style(styles, 'Heading3')).toContain('<w:b/>');
    const doc = part('word/document.xml');
    expect(doc).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"/>');
    expect(styles).toContain('w:line="579" w:lineRule="exact"');
    expect(doc).not.toContain('w:type="even"');
    expect(part('word/settings.xml')).not.toContain('<w:evenAndOddHeaders/>');
  });

  it('keeps data values literal', async () => {
    const { part } = await docxParts(`${MINIMAL}other: "<script>x</script> **b** {{y}}"\n`);
    expect(textOf(part('word/document.xml'))).toContain('<script>x</script> **b** {{y}}');
  });

  it.each(Object.keys(SEED_FIGURES))('%s states every seed figure in word/document.xml', async (name) => {
    const { part } = await docxParts(example(name));
    const text = textOf(part('word/document.xml'));
    for (const f of SEED_FIGURES[name] ?? []) expect(figureForm(text), `docx lacks ${f}`).toContain(f);
  });

  it('is byte-identical for identical input, in any time zone', () => {
    const outs = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'].map((tz) => {
      const dir = tempDir();
      const r = runBin(['build', join(import.meta.dirname, '..', 'examples', 'tongle-2025.yaml'), '--format', 'docx', '--out', dir], undefined, { TZ: tz });
      expect(r.code).toBe(0);
      return readFileSync(join(dir, 'tongle-2025.docx'));
    });
    expect(outs[0]!.length).toBeGreaterThan(1000);
    expect(Buffer.compare(outs[0]!, outs[1]!)).toBe(0);
    expect(Buffer.compare(outs[0]!, outs[2]!)).toBe(0);
    const core = strFromU8(unzipSync(new Uint8Array(outs[0]!))['docProps/core.xml']!);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-26T00:00:00Z</dcterms:created>');
    // Every entry is dated with the 成文日期 at 00:00, not the time of the build.
    const dates = zipEntryDates(outs[0]!);
    expect(dates.length).toBeGreaterThan(10);
    expect(new Set(dates)).toEqual(new Set(['2026-01-26 00:00:00']));
  });
});

describe('DOCX package', () => {
  // Each report's package is assembled from parts written once per layout; it must hold
  // exactly what docx's own Packer writes for the whole document, part for part.
  const cases: [string, string, Record<string, unknown>, string?][] = [
    ...['jinping-2025', 'zuolan-2024', 'tongle-2025'].map((n): [string, string, Record<string, unknown>] => [n, example(`${n}.yaml`), {}]),
    ['grid, centred page numbers', example('tongle-2025.yaml'), { grid: true, page_numbers: 'center', heading3_bold: true }],
    ['no page numbers', MINIMAL, { page_numbers: 'none' }],
    ['a table', MINIMAL, {}, 'table'],
  ];
  it.each(cases)('%s: every part is what docx’s Packer writes for the same document', async (_, yaml, layout, packDir) => {
    const pack = packDir ? loadPack(tablePack()).pack! : standardPack();
    const r = await compile('t.yaml', yaml, pack, { formats: ['docx'], layout });
    const fast = unzipSync(r.outputs.docx!);
    const fullLayout = { ...pack.meta.layout, ...layout } as typeof pack.meta.layout;
    const { body } = docxBody(r.tree!, fullLayout, 't.yaml');
    const reference = unzipSync(new Uint8Array(await Packer.toBuffer(docxDocument(fullLayout, body))));
    expect(Object.keys(fast)).toEqual(Object.keys(reference));
    for (const name of Object.keys(reference)) {
      const ours = strFromU8(fast[name]!);
      const theirs = strFromU8(reference[name]!);
      if (name === 'docProps/core.xml') expect(ours).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">');
      else if (name === 'word/styles.xml') {
        // finishStyles adds exactly the switches docx cannot write, in the defaults and in Normal.
        expect(ours.split(NO_AUTO_SPACE)).toHaveLength(3);
        expect(ours).toContain(`<w:pPrDefault><w:pPr>${NO_AUTO_SPACE}`);
        expect(style(ours, 'Normal')).toContain(`<w:pPr>${NO_AUTO_SPACE}</w:pPr>`);
        expect(ours.replaceAll(NO_AUTO_SPACE, '').replace('<w:pPr></w:pPr>', '')).toBe(theirs);
      } else expect(ours, name).toBe(theirs);
    }
  });

  it('builds a 成文日期 beyond what zip dates can hold (a typing error) with a warning, not a crash', async () => {
    const r = await compile('t.yaml', MINIMAL.replace(/^date: .*$/m, 'date: 2205-02-01'), standardPack(), { formats: ['docx'] });
    expect(r.diagnostics.map((d) => d.ruleId)).toContain('regulation/late-date');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const core = strFromU8(unzipSync(r.outputs.docx!)['docProps/core.xml']!);
    expect(core).toContain('2205-02-01T00:00:00Z');
  });

  it('shares nothing between two reports but the layout', async () => {
    const pack = standardPack();
    const a = await compile('a.yaml', example('jinping-2025.yaml'), pack, { formats: ['docx'] });
    const b = await compile('b.yaml', example('tongle-2025.yaml'), pack, { formats: ['docx'] });
    const again = await compile('a.yaml', example('jinping-2025.yaml'), pack, { formats: ['docx'] });
    expect(Buffer.compare(Buffer.from(a.outputs.docx!), Buffer.from(again.outputs.docx!))).toBe(0);
    const doc = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);
    expect(doc(a.outputs.docx!)).toContain('金坪乡');
    expect(doc(a.outputs.docx!)).not.toContain('同乐镇');
    expect(doc(b.outputs.docx!)).toContain('同乐镇');
    expect(doc(b.outputs.docx!)).not.toContain('金坪乡');
  });
});

describe('DOCX XML', () => {
  /** A report's .docx parts, each parsed by an XML parser, and its title and issuer as docProps/core.xml gives them. */
  async function parsedDocx(yaml: string) {
    const r = await compile('t.yaml', yaml, standardPack(), { formats: ['docx'] });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const parts = docxXmlParts(r.outputs.docx!);
    const core = parts.get('docProps/core.xml')!;
    return { r, parts, title: textOfFirst(core, NS.dc, 'title'), creator: textOfFirst(core, NS.dc, 'creator'), modifiedBy: textOfFirst(core, NS.cp, 'lastModifiedBy') };
  }

  it.each(['jinping-2025.yaml', 'zuolan-2024.yaml', 'tongle-2025.yaml'])('%s: every part is well-formed XML, and core.xml names the title and issuer', async (name) => {
    const { r, parts, title, creator, modifiedBy } = await parsedDocx(example(name));
    expect([...parts.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml']));
    expect(title).toBe(r.summary!.title);
    expect(creator).toBe(r.summary!.government);
    expect(modifiedBy).toBe(r.summary!.government);
  });

  const NAME = `金<坪>&"乡'`;
  const GOVERNMENT = `"甲&amp;乙"<政府> & ]]>`;
  const TITLE = `标题<b>x</b> &lt; & "引号" 'a' ]]>`;
  const quoted = (s: string) => JSON.stringify(s);
  it.each([
    ['a township name, in the title and issuer made from it', MINIMAL.replace('name: 测试乡', `name: ${quoted(NAME)}`), `${NAME}人民政府2025年法治政府建设年度报告`, `${NAME}人民政府`],
    ['a government, in the title made from it', MINIMAL.replace('  county:', `  government: ${quoted(GOVERNMENT)}\n  county:`), `${GOVERNMENT}2025年法治政府建设年度报告`, GOVERNMENT],
    ['a title of its own', `${MINIMAL}title: ${quoted(TITLE)}\n`, TITLE, '测试乡人民政府'],
  ])('%s with < & > and quotes: every part parses and core.xml gives the text back', async (_, yaml, title, creator) => {
    const got = await parsedDocx(yaml);
    expect(got.title).toBe(title);
    expect(got.creator).toBe(creator);
    expect(got.modifiedBy).toBe(creator);
    expect(docxParagraphs(got.r.outputs.docx!).at(-2)).toBe(creator);
  });
});

function tablePack(): string {
  const dir = tempDir('pack-');
  cpSync(join(import.meta.dirname, '..', 'templates', 'standard'), dir, { recursive: true });
  writeFileSync(join(dir, 'sections', '45-table.md'), '---\npart: 5\n---\n## 附表\n\n| 项目 | 数量 | 单位 |\n|---|---|---|\n| 纠纷 | 63 | 件 |\n');
  return dir;
}

describe('DOCX handlers for every Markdown construct a template may use', () => {
  function packWithSection(body: string): string {
    const dir = tempDir('pack-');
    cpSync(join(import.meta.dirname, '..', 'templates', 'standard'), dir, { recursive: true });
    writeFileSync(join(dir, 'sections', '45-extra.md'), `---\npart: 5\n---\n## 附加\n\n${body}\n`);
    return dir;
  }
  async function build(body: string) {
    const pack = loadPack(packWithSection(body)).pack!;
    const r = await compile('t.yaml', MINIMAL, pack, { formats: ['docx', 'html', 'md'] });
    return { r, doc: strFromU8(unzipSync(r.outputs.docx!)['word/document.xml']!) };
  }

  it('writes bold and italic runs, and keeps bold next to Chinese punctuation in every format', async () => {
    const { r, doc } = await build('调解**“纠纷”**的*要点*。');
    expect(doc).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">“纠纷”<\/w:t><\/w:r>/);
    expect(doc).toMatch(/<w:i\/>[\s\S]*?<w:t xml:space="preserve">要点<\/w:t>/);
    expect(new TextDecoder().decode(r.outputs.md)).toContain('调解**“纠纷”**的*要点*。');
    expect(new TextDecoder().decode(r.outputs.html)).toContain('调解<strong>“纠纷”</strong>的<em>要点</em>。');
  });

  it('writes lists with their markers and a hanging indent', async () => {
    const { doc } = await build('1. 第一项\n2. 第二项\n\n- 要点');
    expect(textOf(doc)).toContain('1. 第一项2. 第二项• 要点');
    expect(doc).toContain('<w:ind w:left="640" w:hanging="320"/>');
  });

  it('indents a block quote on both sides', async () => {
    const { doc } = await build('> 引用的文字。');
    expect(doc).toMatch(/<w:pStyle w:val="Quote"\/>[\s\S]*?引用的文字。/);
  });

  it('writes a construct it has no handler for as text, with a warning', async () => {
    const { r, doc } = await build('正文[^1]。\n\n[^1]: 脚注内容。');
    expect(r.diagnostics.some((d) => d.ruleId === 'markdown/unknown-node' && /DOCX output has no handler for Markdown “footnote/.test(d.reason))).toBe(true);
    expect(textOf(doc)).toContain('脚注内容。');
  });

  it('writes a node type no handler knows, given to the emitter directly, as its text with a warning', async () => {
    // Types from no Markdown syntax, one among blocks and one among phrasing content; the second
    // is a name every object inherits, which must not be taken for a handler.
    const tree = {
      type: 'root',
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: '段落开头，' },
            { type: 'constructor', children: [{ type: 'text', value: '行内未知内容' }] },
          ],
        },
        { type: 'mysteryBlock', children: [{ type: 'paragraph', children: [{ type: 'text', value: '块级未知内容' }] }] },
      ],
    } as unknown as Root;
    const { bytes, diagnostics } = await emitDocx(tree, standardPack().meta.layout, 't.yaml');
    const unknown = diagnostics.filter((d) => d.ruleId === 'markdown/unknown-node');
    expect(unknown.map((d) => [d.severity, d.reason])).toEqual([
      ['warning', 'DOCX output has no handler for Markdown “constructor”; it is written as plain text'],
      ['warning', 'DOCX output has no handler for Markdown “mysteryBlock”; it is written as plain text'],
    ]);
    const text = textOf(strFromU8(unzipSync(bytes)['word/document.xml']!));
    expect(text).toContain('段落开头，行内未知内容');
    expect(text).toContain('块级未知内容');
  });
});
