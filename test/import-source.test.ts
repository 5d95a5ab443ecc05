// The text of a report file, whatever it was saved as: web pages (lists numbered, furniture left
// out), Markdown (line breaks, emphasis, limits), plain text, and the limits on a Word file's zip.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkZip, ImportError, readSource, toLines } from '../src/import/source.js';
import { ROOT, tempDir } from './helpers.js';

async function linesOf(name: string, text: string | Uint8Array): Promise<string[]> {
  const dir = tempDir('import-source-');
  writeFileSync(join(dir, name), text);
  return (await readSource(join(dir, name))).lines;
}

describe('a web page’s text', () => {
  it('numbers ordered lists from their start, keeps a number an item writes itself, and leaves unordered lists alone', async () => {
    const html = `<html><body><ol start="3"><li>甲</li><li>乙</li></ol><ol><li>1.自己编号</li><li>（2）括号编号</li><li>丙</li></ol><ol start="x"><li>丁</li></ol><ul><li>戊</li></ul></body></html>`;
    expect(await linesOf('p.html', html)).toEqual(['3.甲', '4.乙', '1.自己编号', '（2）括号编号', '3.丙', '1.丁', '戊']);
  });

  it('takes a number of two digits at an item’s start as its own, and one further in as text', async () => {
    const html = '<html><body><ol><li>10.第十项</li><li>（12）第十二项</li><li>第3.项</li><li> 4、第四项</li></ol></body></html>';
    expect(await linesOf('p.html', html)).toEqual(['10.第十项', '（12）第十二项', '3.第3.项', '4、第四项']);
  });

  it('leaves out comments, scripts, styles, menus and the page’s own header and footer', async () => {
    const html = `<!DOCTYPE html><html><head><title>标题栏</title><style>p{}</style></head><body><header>网站头部</header><nav>导航菜单</nav><!-- 注释 --><p>正文第一段。</p><script>var x = "脚本";</script><aside>侧栏</aside><form><button>提交</button></form><p>正文第二段。</p><footer>网站底部</footer></body></html>`;
    expect(await linesOf('p.html', html)).toEqual(['正文第一段。', '正文第二段。']);
  });
});

describe('the size of a file to import', () => {
  it('takes a web page of up to 8 MB, and refuses plain text over 4 MB', async () => {
    // A page of 5 MB, most of it a comment (quick to read): more than a text file may be, less than a page.
    const page = `<html><body><p>正文。</p><!--${' '.repeat(5 * 1024 * 1024)}--></body></html>`;
    expect(await linesOf('p.html', page)).toEqual(['正文。']);
    await expect(linesOf('r.txt', `正文。${' '.repeat(5 * 1024 * 1024)}`)).rejects.toThrow();
  });

  it('takes a Word file larger than a web page may be: its pictures are not read', async () => {
    // A report with a picture of 9 MB that does not compress: more than a page may be, less than a Word file.
    const parts = unzipSync(readFileSync(join(ROOT, 'test', 'fixtures', 'import', 'no-subsections.docx')));
    const picture = new Uint8Array(9 * 1024 * 1024);
    for (let at = 0; at < picture.length; at += 65536) crypto.getRandomValues(picture.subarray(at, at + 65536));
    const docx = zipSync({ ...parts, 'word/media/image1.png': [picture, { level: 0 }] });
    expect(docx.length).toBeGreaterThan(8 * 1024 * 1024);
    const lines = await linesOf('r.docx', docx);
    expect(lines).toEqual(await linesOf('r.docx', zipSync(parts)));
    expect(lines.length).toBeGreaterThan(3);
  });
});

describe('a Markdown file’s text', () => {
  it('joins a paragraph’s lines without a space between Chinese characters, and with one between words', async () => {
    const md = '全年开展普法\n宣传活动12场，\n“法律进村”活动\n（共5场）。\nEnglish words\nand more\n\n第二段。\n';
    expect(await linesOf('r.md', md)).toEqual(['全年开展普法宣传活动12场，“法律进村”活动（共5场）。 English words and more', '第二段。']);
  });

  it('writes out list numbers and drops emphasis', async () => {
    expect(await linesOf('r.md', '3. 甲\n4. 乙\n\n**加强组织领导。**全年召开会议3次。\n')).toEqual(['3.甲', '4.乙', '加强组织领导。全年召开会议3次。']);
  });

  it('refuses a file with more runs of emphasis, or quotes nested deeper, than any report', async () => {
    // 10,000 runs of * (two to an *a*) at most.
    await expect(linesOf('r.md', `${'*a* '.repeat(5000)}*`)).rejects.toThrow(ImportError);
    expect(await linesOf('r.md', '*a* '.repeat(5000))).toHaveLength(1);
    await expect(linesOf('r.md', `${'>'.repeat(100)} 引用\n`)).rejects.toThrow(/nests thousands of levels deep/);
    expect(await linesOf('r.md', `${'>'.repeat(99)} 引用\n`)).toEqual(['引用']);
  });
});

describe('plain text', () => {
  it('splits on every kind of line break and drops control characters, zero-width spaces and byte order marks', () => {
    expect(toLines('\ufeff甲\u200b乙\r\n丙\r丁\u2028戊\u2029己\u0001\u0007\u000b\u000c\u007f\n  \n 庚 ')).toEqual(['甲乙', '丙', '丁', '戊', '己', '庚']);
  });

  it('refuses text of more than a megabyte, counted in UTF-8 with a line break each', async () => {
    const line = `${'字'.repeat(99)}\n`; // 298 bytes a line, with its break
    const lines = Math.floor((1024 * 1024) / 298);
    // The last line brings the text to exactly 1 MB, or one byte more.
    const rest = 1024 * 1024 - lines * 298 - 1;
    expect(await linesOf('r.txt', line.repeat(lines) + 'a'.repeat(rest))).toHaveLength(lines + 1);
    await expect(linesOf('r.txt', line.repeat(lines) + 'a'.repeat(rest + 1))).rejects.toThrow(/more than 1 MB/);
  });
});

describe('a Word file’s zip, before it is read', () => {
  const zip = (files: Record<string, number>) => zipSync(Object.fromEntries(Object.entries(files).map(([name, size]) => [name, new Uint8Array(size)])));

  it('refuses what is not a zip', () => {
    expect(() => checkZip(new Uint8Array([0x50, 0x00, 0x03, 0x04]))).toThrow(ImportError);
    expect(() => checkZip(new Uint8Array([0x00, 0x4b, 0x03, 0x04]))).toThrow(ImportError);
    expect(() => checkZip(new Uint8Array([1, 2, 3]))).toThrow(ImportError);
  });

  it('refuses a zip that unpacks past the limit, counting every entry, and takes one exactly at it', () => {
    expect(() => checkZip(zip({ 'word/media/a.png': 600, 'word/media/b.png': 424 }), 1024, 1024)).not.toThrow();
    expect(() => checkZip(zip({ 'word/media/a.png': 600, 'word/media/b.png': 425 }), 1024, 1024)).toThrow(/unpacks to more than/);
    // The message names the limit in MB.
    expect(() => checkZip(zip({ 'word/media/a.png': 3 << 20 }), 2 << 20, 1 << 20)).toThrow(/unpacks to more than 2 MB, which/);
  });

  it('refuses XML (and relationships) that unpack past their own limit, pictures not counted in it', () => {
    expect(() => checkZip(zip({ 'word/document.xml': 500, 'word/_rels/document.xml.rels': 500, 'word/media/a.png': 5000 }), 1 << 20, 1000)).not.toThrow();
    expect(() => checkZip(zip({ 'word/document.xml': 500, 'word/_rels/document.xml.rels': 501 }), 1 << 20, 1000)).toThrow(ImportError);
    expect(() => checkZip(zip({ 'word/document.XML': 1001 }), 1 << 20, 1000)).toThrow(ImportError);
    expect(() => checkZip(zip({ 'word/document.xml.png': 1001 }), 1 << 20, 1000)).not.toThrow();
  });

  it('reads a zip larger than one step of inflating, and refuses a damaged one', () => {
    const big = zipSync({ 'word/document.xml': crypto.getRandomValues(new Uint8Array(60_000)) }, { level: 0 });
    expect(() => checkZip(big)).not.toThrow();
    // Cut off half way: the deflated data ends before its end.
    const text = new TextEncoder().encode('<w:p>正文内容</w:p>'.repeat(5000));
    const deflated = zipSync({ 'word/document.xml': text });
    expect(() => checkZip(deflated)).not.toThrow();
    expect(() => checkZip(deflated.slice(0, deflated.length / 2))).toThrow(/cannot be opened/);
    // Whole, but its deflated data damaged: a block of a kind deflate does not have (its first bits 11).
    const damaged = deflated.slice();
    const data = 30 + 'word/document.xml'.length;
    damaged[data] = 0xff;
    expect(() => checkZip(damaged)).toThrow(/cannot be opened/);
  });
});
