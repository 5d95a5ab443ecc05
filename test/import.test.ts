// `report import`: an existing report (a government website's copy, a Word file, text, Markdown)
// into a data file that `report check` accepts and `report build` turns back into the same report.
// Fidelity is measured with the project's own yardsticks, ../shared/tools/fidelity.py (recall of
// the seed's text, in order, and its headings verbatim) and the seeds' figure lists.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decide, findFigures } from '../src/import/figures.js';
import { importReport } from '../src/import/index.js';
import { checkZip, ImportError, readSource, toLines } from '../src/import/source.js';
import { readStructure } from '../src/import/structure.js';
import { EXAMPLES, ROOT, runCli, tempDir } from './helpers.js';
import { errorsOf, fidelity, importAndBuild } from './import-helpers.js';
import { figureForm, recordedCount, SEED_FIGURES, SEED_FILES, SEEDS_DIR } from './seed-figures.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'import');
describe.each(Object.entries(SEED_FILES))('the seed report of %s, imported as given (web page furniture and all)', (example, seedFile) => {
  const seed = join(SEEDS_DIR, seedFile);
  let dir: string;
  const built = async () => (dir ??= await importAndBuild(seed));

  it('checks without error and builds back to the seed’s text, every heading verbatim, in docx, html and md', async () => {
    const d = await built();
    for (const format of ['docx', 'html', 'md']) {
      const f = fidelity(seed, join(d, 'out', `data.${format}`));
      expect(f.recall, f.text).toBeGreaterThanOrEqual(0.95);
      expect(f.headings[0], f.text).toBe(f.headings[1]);
    }
  });

  it('prints every figure of the seed and records at least 70% of them in summary.csv', async () => {
    const d = await built();
    const md = figureForm(readFileSync(join(d, 'out', 'data.md'), 'utf8').replace(/\*\*|\\/g, ''));
    for (const figure of SEED_FIGURES[example]!) expect(md, figure).toContain(figure);
    const [, row] = readFileSync(join(d, 'out', 'summary.csv'), 'utf8')
      .trim()
      .split('\r\n');
    const recorded = recordedCount(row!.split(',').slice(4), SEED_FIGURES[example]!);
    expect(recorded / SEED_FIGURES[example]!.length, `${recorded}/${SEED_FIGURES[example]!.length}`).toBeGreaterThanOrEqual(0.7);
  });
});

/** The text of a DOCX's body as fidelity.py reads it, letters and digits only. */
function docxLetters(file: string): string {
  const py = `import re,sys,zipfile,unicodedata
x=zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
t="\\n".join("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>",p)) for p in re.findall(r"<w:p[ >].*?</w:p>",x,flags=re.S))
print("".join(c for c in unicodedata.normalize("NFKC",t) if c.isalnum()))`;
  return execFileSync('python3', ['-c', py, file], { encoding: 'utf8' }).trim();
}

function similarity(a: string, b: string): number {
  const py = 'import difflib,sys; a,b=open(sys.argv[1]).read(),open(sys.argv[2]).read(); print(difflib.SequenceMatcher(None,a,b,autojunk=False).ratio())';
  const dir = tempDir('similar-');
  writeFileSync(join(dir, 'a'), a);
  writeFileSync(join(dir, 'b'), b);
  return Number(execFileSync('python3', ['-c', py, join(dir, 'a'), join(dir, 'b')], { encoding: 'utf8' }));
}

describe('the tool’s own DOCX', () => {
  it.each(Object.keys(SEED_FILES))('of the example %s, imported, rebuilds the same text', async (example) => {
    const dir = tempDir('roundtrip-');
    const first = await runCli(['build', join(EXAMPLES, example), '--out', 'first', '--format', 'docx'], dir);
    expect(first.code, first.stderr).toBe(0);
    const docx = join(dir, 'first', example.replace(/\.yaml$/, '.docx'));
    const again = await importAndBuild(docx);
    const ratio = similarity(docxLetters(docx), docxLetters(join(again, 'out', 'data.docx')));
    expect(ratio).toBeGreaterThanOrEqual(0.99);
  });
});

interface Expectation {
  title: string;
  government: string;
  township: { name: string; kind: string };
  county: string | null;
  year: number;
  date: string | null;
  doc_number: string | null;
  recipient: string | null;
  parts: { part: number; heading: string; sections: string[] }[];
  figures: string[];
  not_figures: string[];
  opening_starts: string;
  closing: string | null;
}

const shapes = readdirSync(FIXTURES).filter((f) => f.endsWith('.expect.json'));

describe.each(shapes.map((f) => f.replace(/\.expect\.json$/, '')))('the report shape %s', (name) => {
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expect.json`), 'utf8')) as Expectation;

  it('is read with its identity, its parts and sections in order, and the part of Art. 25 each is', async () => {
    const { draft: d } = await importReport(join(FIXTURES, name), join(tempDir('shape-'), 'x.yaml'), { schemaRef: 'x' });
    expect(d.title).toBe(expected.title);
    expect(d.government).toBe(expected.government);
    expect(d.township).toEqual(expected.township);
    if (expected.county) expect(d.county?.name).toBe(expected.county);
    expect(d.year?.value).toBe(expected.year);
    expect(d.date?.iso ?? null).toBe(expected.date);
    expect(d.docNumber).toBe(expected.doc_number);
    expect(d.recipient).toBe(expected.recipient);
    expect(d.parts.map((p) => ({ part: p.part, heading: p.heading, sections: p.sections.map((s) => s.heading) }))).toEqual(expected.parts);
    expect(d.opening.join('\n').startsWith(expected.opening_starts)).toBe(true);
    expect(d.closing[0] ?? null).toBe(expected.closing);
  });

  it('marks every figure of the parts on what was done, and nothing that only looks like one', async () => {
    const r = await importReport(join(FIXTURES, name), join(tempDir('shape-'), 'x.yaml'), { schemaRef: 'x' });
    expect(r.figures.filter((f) => f.decision.kind !== 'none').map((f) => f.written)).toEqual(expected.figures);
    // The text as it prints, with the places that are marked: no mark may fall inside a date, a number of a document…
    let printed = '';
    const marked: boolean[] = [];
    let at = 0;
    for (const m of r.text.matchAll(/\[([^\]|\n]+)\|[^\]|\n]+\]/g)) {
      const plain = r.text.slice(at, m.index);
      printed += plain + m[1]!;
      marked.push(...plain.split('').map(() => false), ...m[1]!.split('').map(() => true));
      at = m.index + m[0].length;
    }
    printed += r.text.slice(at);
    for (const not of expected.not_figures) {
      for (let i = printed.indexOf(not); i >= 0; i = printed.indexOf(not, i + 1)) {
        expect(marked.slice(i, i + not.length).some(Boolean), `“${not}” is marked`).toBe(false);
      }
    }
    expect(r.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });
});

describe('figures in a sentence', () => {
  const written = (text: string) => findFigures(text).map((c) => c.written);

  it('are numbers with their unit and qualifiers, as written', () => {
    expect(written('全年排查调处矛盾纠纷95件，化解率100%。')).toEqual(['95件', '100%']);
    expect(written('发放宣传资料1000余份，覆盖群众约300人，近200人参与，50多人次')).toEqual(['1000余份', '约300人', '近200人', '50多人次']);
    expect(written('调解成功率达100%以上，占比不低于15%，转发量达6000+，罚没金额0.7万余元')).toEqual(['100%以上', '不低于15%', '6000+', '0.7万余元']);
    expect(written('全年排查上报矛盾纠纷63，化解率100%')).toEqual(['63', '100%']);
  });

  it('are not dates, document numbers, ordinals, phone lines, ranges, festival days or numbers in a title', () => {
    expect(written('2025年3月15日，依据〔2025〕24号文件，第3次会议，拨打12345热线，打造1—2个阵地，占15%~30%，“3·15”，《金坪乡2025年工作要点》，用时3个月，3级以上，2026年。')).toEqual([]);
    expect(written('3到5个，3个到5个，80%至90%，3万至5万元，100余至200余人，增长15个百分点')).toEqual([]);
  });

  it('are found after a verb ending in 到 or 至 (达到98%), which is no range', () => {
    expect(written('化解率达到98%，参加人数增加到300人')).toEqual(['98%', '300人']);
    expect(decide(findFigures('化解率达到98%'), new Map())).toEqual([{ kind: 'catalogue', name: 'disputes.resolution_rate' }]);
  });

  it('are named without the numbers of their clause', () => {
    const names = decide(findFigures('拨打12348公共法律服务热线咨询50人次，对5个乡属站所开展专项督查2次'), new Map()).map((d) => (d.kind === 'none' ? null : d.name));
    expect(names.slice(0, 2)).toEqual(['公共法律服务热线咨询', '乡属站所开展专项督查']);
    expect(names[2]).toMatch(/^乡属站所开展专项督查（\d）$/);
  });

  it('are found in a paragraph of thousands of figures in time that grows with its length, not its square', () => {
    expect(findFigures('开展活动12场 发放资料300份 '.repeat(40_000))).toHaveLength(80_000);
  });

  it('are named after the catalogue field their words fit, each field once, and otherwise after the township’s own words', () => {
    const found = findFigures('排查调处矛盾纠纷95件，其中排查矛盾纠纷12件，开展反诈宣传活动12场次，发放宣传资料800份，发放宣传资料900份，对排查出的4条平安稳定隐患');
    expect(decide(found, new Map())).toEqual([
      { kind: 'catalogue', name: 'disputes.total' },
      { kind: 'custom', name: '排查矛盾纠纷' },
      { kind: 'custom', name: '开展反诈宣传活动' },
      { kind: 'catalogue', name: 'legal_education.materials' },
      // 发放宣传资料 is the catalogue's name for legal_education.materials, which the 800份 already is.
      { kind: 'custom', name: '发放宣传资料（2）' },
      { kind: 'custom', name: '平安稳定隐患' },
    ]);
  });

  it('are given no field that is barred (one a check found wrong for figure after figure)', () => {
    expect(decide(findFigures('排查调处矛盾纠纷95件，成功化解90件'), new Map(), new Set(['disputes.resolved']))[1]).toEqual({ kind: 'custom', name: '成功化解（2）' });
  });

  it('that a check finds wrong are kept under their own name, then left unmarked', () => {
    const found = findFigures('排查调处矛盾纠纷95件，成功化解98件');
    // 成功化解 is the catalogue's name for disputes.resolved: the township's own figure needs a name of its own.
    expect(decide(found, new Map([[1, 'custom']]))[1]).toEqual({ kind: 'custom', name: '成功化解（2）' });
    expect(decide(found, new Map([[1, 'none']]))[1]).toEqual({ kind: 'none' });
  });

  it('that would make an error are not left so: a resolved count above the total is kept as the township’s own', async () => {
    const dir = tempDir('import-');
    writeFileSync(join(dir, 'r.txt'), '某某县金坪乡人民政府2025年法治政府建设年度报告\n一、主要举措和成效\n全年排查调处矛盾纠纷63件，成功化解矛盾纠纷100件，化解率100%以上。\n');
    const r = await runCli(['import', 'r.txt', '--out', 'r.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(await errorsOf(dir, 'r.yaml')).toEqual([]);
    const text = readFileSync(join(dir, 'r.yaml'), 'utf8');
    expect(text).toContain('[63件|disputes.total]');
    expect(text).not.toContain('|disputes.resolved]');
  });

  it('are not taken back for a mark the report held already ([1|x] written in its text), and the marks after it stay', async () => {
    const dir = tempDir('import-');
    writeFileSync(join(dir, 'r.txt'), '某某县金坪乡人民政府2025年法治政府建设年度报告\n一、主要举措和成效\n全年排查矛盾纠纷95件。\n见表[1|x]。\n全年开展普法活动12场。\n召开会议3次。\n');
    const r = await runCli(['import', 'r.txt', '--out', 'r.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'r.yaml'), 'utf8');
    expect(text).toContain('[95件|disputes.total]');
    expect(text).toContain('[12场|legal_education.campaigns]');
    expect(text).toContain('[3次|召开会议]');
  });

  it('above the total one after another are settled in a few rounds of checking, not one round each', { timeout: 30_000 }, async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `第${i + 1}片区成功化解纠纷${100 + i}件。`);
    const dir = tempDir('import-');
    writeFileSync(join(dir, 'r.txt'), `某某县金坪乡人民政府2025年法治政府建设年度报告\n一、主要举措和成效\n全年排查矛盾纠纷10件。\n${lines.join('\n')}\n`);
    const r = await runCli(['import', 'r.txt', '--out', 'r.yaml'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(await errorsOf(dir, 'r.yaml')).toEqual([]);
  });
});

describe('the structure of a report', () => {
  it('takes a title set on two lines, 主送机关 and 发文字号, and a signature on one line', () => {
    const d = readStructure(
      toLines(
        '城口县左岚乡人民政府\n2024年法治政府建设情况报告\n左岚府发〔2025〕3号\n中共城口县委、城口县人民政府：\n2024年，我乡认真开展法治政府建设的各项工作，取得明显成效。现将有关情况报告如下：\n一、工作开展情况\n全年开展普法宣传活动12场。\n城口县左岚乡人民政府  2025年2月20日\n',
      ),
    );
    expect(d.title).toBe('城口县左岚乡人民政府2024年法治政府建设情况报告');
    expect(d.township).toEqual({ name: '左岚乡', kind: '乡' });
    expect(d.county).toEqual({ name: '城口县', from: 'title' });
    expect([d.docNumber, d.recipient, d.date?.iso]).toEqual(['左岚府发〔2025〕3号', '中共城口县委、城口县人民政府', '2025-02-20']);
    expect(d.parts.map((p) => p.body)).toEqual([['全年开展普法宣传活动12场。']]);
  });

  it('makes a report numbered only （一）（二） into parts, and a section written run in into heading and text', () => {
    const d = readStructure(toLines('某镇2025年法治政府建设工作报告\n（一）主要成效\n（二）存在问题\n一是制度不全。\n'));
    expect(d.parts.map((p) => [p.part, p.heading])).toEqual([
      [1, '主要成效'],
      [2, '存在问题'],
    ]);
    const r = readStructure(toLines('某镇2025年法治政府建设工作报告\n一、存在的不足\n（一）法治意识有待提高。部分干部认识不足。\n'));
    expect(r.parts[0]!.sections).toEqual([{ heading: '法治意识有待提高', runIn: true, body: ['部分干部认识不足。'] }]);
  });

  it('keeps the lines before the first long paragraph of a report without a title, and counts what it cuts', () => {
    const d = readStructure(
      toLines('首页\n各位领导：\n今年我镇认真抓好法治工作。\n主要做法如下。\n一、主要举措和成效\n全年排查矛盾纠纷95件，成功化解90件，化解率94.7%，各项工作扎实推进，群众满意度稳步提升。\n'),
    );
    expect([d.recipient, d.opening, d.dropped]).toEqual(['各位领导', ['今年我镇认真抓好法治工作。', '主要做法如下。'], 1]);
  });

  it('takes the township from a title that opens with 关于 or has the year in quotes', () => {
    expect(readStructure(toLines('关于金坪乡2025年“法治政府建设”工作情况的报告\n一、主要举措\n全年开展普法宣传活动12场。')).township).toEqual({ name: '金坪乡', kind: '乡' });
    expect(readStructure(toLines('“金坪乡人民政府”2025年法治政府建设年度报告\n一、主要举措\n全年开展普法宣传活动12场。')).township).toEqual({ name: '金坪乡', kind: '乡' });
  });

  it('reads a report in chapters (第一部分), their 一、 二、 as sections', () => {
    const d = readStructure(
      toLines(
        '青石镇人民政府2025年法治政府建设年度报告\n第一部分 主要举措和成效\n一、加强组织领导\n召开领导小组会议4次。\n二、严格规范执法\n开展执法检查20次。\n第二部分 存在的不足和原因\n人员不足。\n第三部分 党政主要负责人履行推进法治建设第一责任人职责情况\n主持专题学法4次。\n',
      ),
    );
    expect(d.parts.map((p) => [p.part, p.heading, p.sections.map((x) => x.heading)])).toEqual([
      [1, '主要举措和成效', ['加强组织领导', '严格规范执法']],
      [2, '存在的不足和原因', []],
      [3, '党政主要负责人履行推进法治建设第一责任人职责情况', []],
    ]);
  });

  it('keeps a report without headings as one part, every paragraph kept', () => {
    const d = readStructure(toLines('2025年，我镇扎实推进法治政府建设，取得积极成效，群众满意度不断提升。\n全年开展普法宣传活动12场，发放资料3000份。'));
    expect(d.parts).toEqual([{ part: 1, heading: null, body: ['2025年，我镇扎实推进法治政府建设，取得积极成效，群众满意度不断提升。', '全年开展普法宣传活动12场，发放资料3000份。'], sections: [] }]);
  });
});

describe('report import says what is wrong, in Chinese, and writes nothing', () => {
  const run = async (files: Record<string, string | Uint8Array>, args: string[], env: Record<string, string> = {}) => {
    const dir = tempDir('import-');
    for (const [f, c] of Object.entries(files)) writeFileSync(join(dir, f), c);
    const r = await runCli(['import', ...args, '--lang', 'zh'], dir, env);
    return { ...r, dir, written: readdirSync(dir).filter((f) => f.endsWith('.yaml')) };
  };

  it('for a kind of file it cannot read, and a file that is not there', async () => {
    const kind = await run({ 'r.pdf': 'x' }, ['r.pdf']);
    expect([kind.code, kind.stderr.trim()]).toEqual([1, '没能导入 r.pdf：不认识“.pdf”这种文件：能导入 .docx .doc .wps .html .txt .md']);
    const missing = await run({}, ['none.docx']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('没能导入 none.docx：没有这个文件');
    expect([...kind.written, ...missing.written]).toEqual([]);
  });

  it('for a damaged Word file, and a .doc without LibreOffice', async () => {
    const broken = await run({ 'r.docx': 'PK\u0003\u0004 not really a zip' }, ['r.docx']);
    expect([broken.code, broken.stderr.trim()]).toEqual([1, '没能导入 r.docx：这个 Word 文件打不开（文件损坏，或不是 .docx）：在 Word 或 WPS 中打开后另存为 .docx 再导入']);
    const doc = await run({ 'r.doc': 'x' }, ['r.doc'], { PATH: '/nonexistent' });
    expect([doc.code, doc.stderr.trim()]).toEqual([1, '没能导入 r.doc：读 .doc 和 .wps 文件需要安装 LibreOffice；也可以在 Word 或 WPS 中另存为 .docx 再导入']);
  });

  it('for a Word file that unpacks to far more than a report', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(3 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(() => checkZip(bomb, 1024 * 1024)).toThrow(ImportError);
    expect(() => checkZip(bomb, 4 * 1024 * 1024)).not.toThrow();
  });

  it('for a Word file whose text unpacks to far more than a report’s, inflating only a little of it', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    expect(() => checkZip(bomb, 512 * 1024 * 1024, 1024 * 1024)).toThrow(/The text of this Word file unpacks to more than 1 MB/);
    const before = process.memoryUsage().arrayBuffers;
    expect(() => checkZip(bomb, 1024 * 1024 * 1024, 16 * 1024 * 1024)).toThrow(/more than 16 MB/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('for a page nested thousands of levels deep, Markdown thick with emphasis, and text far longer than a report', async () => {
    const deep = await run({ 'r.html': `<p>某镇2025年法治政府建设年度报告</p>${'<div>'.repeat(100_000)}正文${'</div>'.repeat(100_000)}` }, ['r.html']);
    expect([deep.code, deep.stderr.trim()]).toEqual([1, '没能导入 r.html：这个文件的层次套了上千层（标签或引用一层套一层），不像一份报告']);
    const quotes = await run({ 'r.md': `# 某镇2025年法治政府建设年度报告\n\n${'>'.repeat(5000)} 正文\n` }, ['r.md']);
    expect([quotes.code, quotes.stderr.trim()]).toEqual([1, '没能导入 r.md：这个文件的层次套了上千层（标签或引用一层套一层），不像一份报告']);
    const emphasis = await run({ 'r.md': `# 某镇2025年法治政府建设年度报告\n\n${'*a'.repeat(20_000)}正文${'a*'.repeat(20_000)}\n` }, ['r.md']);
    expect([emphasis.code, emphasis.stderr.trim()]).toEqual([1, '没能导入 r.md：这个 Markdown 文件里的 * 和 _ 超过 10000 处，不像一份报告：另存为 .txt 再导入']);
    const long = await run({ 'r.txt': `某镇2025年法治政府建设年度报告\n一、主要举措\n${'全年开展普法宣传活动12场，发放资料300份。\n'.repeat(20_000)}` }, ['r.txt']);
    expect([long.code, long.stderr.trim()]).toEqual([1, '没能导入 r.txt：这个文件里的文字超过 1 MB，不像一份报告（一份报告通常不到 0.1 MB）']);
    const huge = await run({ 'r.txt': Buffer.alloc(5 * 1024 * 1024, 0x61) }, ['r.txt']);
    expect([huge.code, huge.stderr.trim()]).toEqual([1, '没能导入 r.txt：文件大于 4 MB']);
    expect([...deep.written, ...quotes.written, ...emphasis.written, ...long.written, ...huge.written]).toEqual([]);
  });

  it('for a data file that already exists, unless --force', async () => {
    const report = '某某县金坪乡人民政府2025年法治政府建设年度报告\n一、主要举措和成效\n全年开展普法宣传活动12场。\n';
    const first = await run({ 'r.txt': report, 'r.yaml': 'old' }, ['r.txt', '--out', 'r.yaml']);
    expect([first.code, first.stderr.trim()]).toEqual([1, 'report：r.yaml 已经存在；换一个 --out，或加 --force 覆盖']);
    expect(readFileSync(join(first.dir, 'r.yaml'), 'utf8')).toBe('old');
    const forced = await runCli(['import', 'r.txt', '--out', 'r.yaml', '--force'], first.dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(first.dir, 'r.yaml'), 'utf8')).toContain('[12场|legal_education.campaigns]');
  });
});

describe('what report import says it found', () => {
  it('the identity, each part, each figure with its name and words (at most 40 characters of them), and the commands to run next', async () => {
    const dir = tempDir('import-');
    writeFileSync(
      join(dir, 'r.txt'),
      '某某县金坪乡人民政府2025年法治政府建设年度报告\n一、主要举措和成效\n在全乡内深入村组院落和田间地头以及集镇赶集日的人流密集场所开展普法宣传活动12场，在全乡范围内深入村组院落和田间地头以及集镇赶集日的人流密集场所发放宣传资料3000余份，另有工作人员7名参与。\n二、存在的不足\n部分村干部法治意识不强。\n',
    );
    const r = await runCli(['import', 'r.txt'], dir, { npm_command: 'exec' });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')).toEqual([
      'Imported r.txt → 金坪乡-2025.yaml',
      '  某某县金坪乡人民政府, 乡, 2025; county: 某某县; 成文日期: none',
      '  Structure: opening 0 paragraphs, 2 parts, 0 sections, 2 paragraphs in all; 0 lines of the web page (menus, sharing, footer) left out',
      '    一. 主要举措和成效 → part one (measures and results)',
      '    二. 存在的不足 → part two (shortcomings and causes)',
      '  Figures: 3 found, 2 catalogue fields, 1 under the report’s own names, 0 left unmarked',
      '  Catalogue fields:',
      '    12场 → legal_education.campaigns: “在全乡内深入村组院落和田间地头以及集镇赶集日的人流密集场所开展普法宣传活动12场”',
      '    3000余份 → legal_education.materials: “在全乡范围内深入村组院落和田间地头以及集镇赶集日的人流密集场所发放宣传资料300…”',
      '  Under the report’s own names (columns of their own in the roll-up):',
      '    7名 → 另有工作人员: “另有工作人员7名参与”',
      '  Check: 0 errors, 3 warnings; run “npx report check 金坪乡-2025.yaml” for details, “npx report fix 金坪乡-2025.yaml” to correct half-width punctuation',
      '  Check the comments that say “Check” and the figures’ names in the data file; then run “npx report build 金坪乡-2025.yaml”',
      '',
    ]);
    const plain = await runCli(['import', 'r.txt', '--out', 'again.yaml'], dir, { npm_command: 'run-script' });
    expect(plain.stderr).toContain('then run “report build again.yaml”');
  });

  it('what it could only guess (county and date from the web page, no kind or year) marked to check, sections, figures left unmarked, and the errors of the file it wrote', async () => {
    const dir = tempDir('import-');
    writeFileSync(
      join(dir, 'w.txt'),
      '首页 > 政务公开\n白沙镇2025年法治政府建设年度报告\n发布时间：2025年3月5日\n来源：城口县人民政府\n一、主要举措和成效\n（一）加强领导\n全年开展普法宣传活动12场，另有37。\n（二）完善制度\n制定制度3项。\n二、存在的不足\n部分干部法治意识不强。\n',
    );
    const r = await runCli(['import', 'w.txt', '--out', 'sub/dir/w.yaml'], dir, { npm_command: 'run-script' });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')).toEqual([
      'Imported w.txt → sub/dir/w.yaml',
      '  白沙镇, 镇, 2025; county: 城口县 (check); 成文日期: 2025-03-05 (check)',
      '  Structure: opening 0 paragraphs, 2 parts, 2 sections, 3 paragraphs in all; 3 lines of the web page (menus, sharing, footer) left out',
      '    一. 主要举措和成效 → part one (measures and results)',
      '    二. 存在的不足 → part two (shortcomings and causes)',
      '  Figures: 3 found, 1 catalogue fields, 1 under the report’s own names, 1 left unmarked',
      '  Catalogue fields:',
      '    12场 → legal_education.campaigns: “全年开展普法宣传活动12场”',
      '  Under the report’s own names (columns of their own in the roll-up):',
      '    3项 → 制定制度: “制定制度3项”',
      '  Left unmarked (mark those that should be recorded):',
      '    37: “另有37”',
      '  Check: 1 errors, 2 warnings; run “report check sub/dir/w.yaml” for details, “report fix sub/dir/w.yaml” to correct half-width punctuation',
      'sub/dir/w.yaml:12:7  error  成文日期 2025-03-05 is before the end of the year the report covers (2025)  regulation/date-before-year-end',
      '  → A report on 2025 is dated in 2026, e.g. 2026-02-15.',
      '  Check the comments that say “Check” and the figures’ names in the data file; then run “report build sub/dir/w.yaml”',
      '',
    ]);
    // The file names its schema and its source from where it lies.
    const [schemaLine, fromLine] = readFileSync(join(dir, 'sub', 'dir', 'w.yaml'), 'utf8').split('\n');
    const schema = /^# yaml-language-server: \$schema=(.+)$/.exec(schemaLine!)?.[1];
    expect(resolve(dir, 'sub', 'dir', schema!)).toBe(join(ROOT, 'schema', 'report.schema.json'));
    expect(fromLine).toBe('# Imported by report import from “../../w.txt”.');

    writeFileSync(join(dir, 'n.txt'), '法治政府建设年度报告\n一、主要举措和成效\n全年开展普法宣传活动12场。\n');
    const guessed = await runCli(['import', 'n.txt'], dir);
    expect(guessed.stderr.split('\n')[1]).toBe('  某某乡 (check), ? (check), ? (check); county: 某某县 (check); 成文日期: none');
  });

  it('a report whose parts start at 二、 (no 一、: a part pasted alone), numbered from there, the check naming the parts it lacks', async () => {
    const dir = tempDir('import-');
    writeFileSync(join(dir, 'q.txt'), '白沙镇2025年法治政府建设年度报告\n今年我镇法治建设取得新进展。\n二、存在的不足\n部分干部法治意识不强。\n');
    const r = await runCli(['import', 'q.txt'], dir, { npm_command: 'run-script' });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').slice(1, 6)).toEqual([
      '  白沙镇, 镇, 2025; county: 某某县 (check); 成文日期: none',
      '  Structure: opening 1 paragraphs, 1 parts, 0 sections, 2 paragraphs in all; 0 lines of the web page (menus, sharing, footer) left out',
      '    一. 存在的不足 → part two (shortcomings and causes)',
      '  Figures: 0 found, 0 catalogue fields, 0 under the report’s own names, 0 left unmarked',
      '  Check: 0 errors, 4 warnings; run “report check 白沙镇-2025.yaml” for details, “report fix 白沙镇-2025.yaml” to correct half-width punctuation',
    ]);
    expect(readFileSync(join(dir, '白沙镇-2025.yaml'), 'utf8')).toContain('opening: |-\n  今年我镇法治建设取得新进展。\nparts:\n  - part: 2');
    const check = await runCli(['check', '白沙镇-2025.yaml'], dir);
    expect([check.code, `${check.stdout}${check.stderr}`.match(/regulation\/missing-part/g)?.length]).toEqual([0, 3]);
  });

  it('writes no `parts:` for a report with no part (its one numbered line too long for a heading): the check warns, it does not fail', async () => {
    const dir = tempDir('import-');
    writeFileSync(join(dir, 'q.txt'), `白沙镇2025年法治政府建设年度报告\n今年我镇法治建设取得新进展。\n二、${'部分干部法治意识不强需要加强学习培训'.repeat(3)}\n`);
    const r = await runCli(['import', 'q.txt'], dir);
    expect(r.code).toBe(0);
    const written = readFileSync(join(dir, '白沙镇-2025.yaml'), 'utf8');
    expect([written.includes('parts:'), written.includes('opening: |-\n  今年我镇法治建设取得新进展。\n  二、')]).toEqual([false, true]);
    const check = await runCli(['check', '白沙镇-2025.yaml'], dir);
    expect([check.code, /\d+:\d+ +error/.test(`${check.stdout}${check.stderr}`), `${check.stdout}${check.stderr}`.includes('regulation/missing-part')]).toEqual([0, false, true]);
  });

  it('nothing, and writes nothing, for a file with a title and no text, a place it cannot write, or a pack it cannot load', async () => {
    const dir = tempDir('import-');
    writeFileSync(join(dir, 't.txt'), '某某县金坪乡人民政府2025年法治政府建设年度报告\n');
    const empty = await runCli(['import', 't.txt'], dir);
    expect([empty.code, empty.stderr]).toEqual([1, 'No report text found in t.txt\n']);
    writeFileSync(join(dir, 'r.txt'), '某某县金坪乡人民政府2025年法治政府建设年度报告\n一、主要举措和成效\n全年开展普法宣传活动12场。\n');
    writeFileSync(join(dir, 'file'), '');
    const blocked = await runCli(['import', 'r.txt', '--out', 'file/r.yaml'], dir);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/^Could not import r\.txt: .+\n$/);
    mkdirSync(join(dir, 'pack'));
    writeFileSync(join(dir, 'pack', 'pack.yaml'), 'name: [\n');
    const pack = await runCli(['import', 'r.txt', '--template', 'pack'], dir);
    expect(pack.code).toBe(1);
    expect(pack.stderr).toMatch(/^pack\/pack\.yaml:\d+:\d+ +error /);
    expect(readdirSync(dir).filter((f) => f.endsWith('.yaml'))).toEqual([]);
  });
});

describe('the data file an import writes', () => {
  it('is named after the township and year, says what it decided in Chinese comments, and is the same bytes every time', async () => {
    const dir = tempDir('import-');
    const seed = join(SEEDS_DIR, SEED_FILES['jinping-2025.yaml']!);
    const r = await runCli(['import', seed, '--lang', 'zh'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('已导入');
    expect(r.stderr).toContain('对应数字目录');
    const text = readFileSync(join(dir, '金坪乡-2025.yaml'), 'utf8');
    expect(text).toContain('# 请核对：原文没有写所属县（区），请改为本乡镇所属的县（区）\n  county: 某某县');
    expect(text).toContain('# 请核对：成文日期取自网页的发布日期\ndate: 2026-02-24');
    expect(text).toMatch(/part: 2 # 按标题“正视短板明方向,找准法治建设薄弱环节”判断为第二部分（不足和原因）/);
    const again = await runCli(['import', seed, '--lang', 'zh', '--out', 'again.yaml'], dir);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, 'again.yaml'), 'utf8').replace(/^# 由.*$/m, '')).toBe(text.replace(/^# 由.*$/m, ''));
  });

  it('is named import.yaml when the report names no township and year', async () => {
    const dir = tempDir('import-');
    writeFileSync(join(dir, 'r.txt'), '全年开展普法宣传活动12场，发放资料3000份，各项工作扎实推进，群众满意度稳步提升。\n');
    const r = await runCli(['import', 'r.txt'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.yaml'))).toEqual(['import.yaml']);
  });

  it('reads GBK text and keeps the township’s text as it was', async () => {
    const source = await readSource(join(FIXTURES, 'gbk-township.txt'));
    expect(source.kind).toBe('txt');
    expect(source.lines.some((l) => l.includes('黄岭乡'))).toBe(true);
  });
});

describe('a Word file numbered by Word (automatic numbering)', () => {
  it('keeps its 一、（一）1. as Word shows them, counted as Word counts, so its parts and sections are read', async () => {
    const { AlignmentType, Document, LevelFormat, Packer, Paragraph } = await import('docx');
    const level = (lvl: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({ level: lvl, format, text, alignment: AlignmentType.LEFT });
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'report',
            levels: [level(0, LevelFormat.CHINESE_COUNTING, '%1、'), level(1, LevelFormat.CHINESE_COUNTING, '（%2）'), level(2, LevelFormat.DECIMAL, '%3.')],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: '某某县金坪乡人民政府2025年法治政府建设年度报告' }),
            new Paragraph({ text: '2025年，金坪乡认真贯彻落实上级部署，扎实推进法治政府建设各项工作，取得明显成效。现将有关情况报告如下：' }),
            new Paragraph({ text: '主要举措和成效', numbering: { reference: 'report', level: 0 } }),
            new Paragraph({ text: '强化组织领导', numbering: { reference: 'report', level: 1 } }),
            new Paragraph({ text: '全年召开专题会议3次，研究解决重难点问题5项。', numbering: { reference: 'report', level: 2 } }),
            new Paragraph({ text: '全年开展法治宣传活动12场。', numbering: { reference: 'report', level: 2 } }),
            new Paragraph({ text: '规范行政执法', numbering: { reference: 'report', level: 1 } }),
            new Paragraph({ text: '全年开展行政执法检查20次。', numbering: { reference: 'report', level: 2 } }),
            new Paragraph({ text: '存在的不足和原因', numbering: { reference: 'report', level: 0 } }),
            new Paragraph({ text: '法治宣传的针对性还不强。' }),
          ],
        },
      ],
    });
    const dir = tempDir('import-numbered-');
    writeFileSync(join(dir, 'r.docx'), new Uint8Array(await Packer.toBuffer(doc)));
    const source = await readSource(join(dir, 'r.docx'));
    expect(source.lines.slice(2)).toEqual([
      '一、主要举措和成效',
      '（一）强化组织领导',
      '1.全年召开专题会议3次，研究解决重难点问题5项。',
      '2.全年开展法治宣传活动12场。',
      '（二）规范行政执法',
      '1.全年开展行政执法检查20次。',
      '二、存在的不足和原因',
      '法治宣传的针对性还不强。',
    ]);
    const { draft } = await importReport(join(dir, 'r.docx'), join(dir, 'x.yaml'), { schemaRef: 'x' });
    expect(draft.parts.map((p) => [p.part, p.heading, p.sections.map((s) => s.heading)])).toEqual([
      [1, '主要举措和成效', ['强化组织领导', '规范行政执法']],
      [2, '存在的不足和原因', []],
    ]);
  });
});
