import { Composer, type CST, type Document, type DocumentOptions, Lexer, type ParseOptions, Parser, type SchemaOptions, YAMLParseError } from 'yaml';

/**
 * How deep a YAML text may nest. The YAML library builds its document by recursion, one call or
 * more per level: a file nested a few thousand levels deep (a run of `[`, lines indented one space
 * more each) runs it out of stack, and where V8 then has to compile a regular expression it aborts
 * the whole process ("RegExpCompiler Allocation failed"), which no `catch` can stop: the other
 * townships of a batch, or the preview server, would go with it. A report's data nests a dozen
 * levels at most.
 */
export const MAX_DEPTH = 100;

export type ReadDocument = { doc: Document.Parsed; deep?: undefined } | { doc?: undefined; deep: number };

/**
 * The library's parseDocument, stopped where the nesting goes deeper than MAX_DEPTH: then `deep` is
 * the offset where it does, and the document is never built. The nesting is the library's own:
 * what its parser holds open (the document, each mapping, list and bracket) while it reads the text
 * token by token, without recursion.
 */
export function readDocument(source: string, options: ParseOptions & DocumentOptions & SchemaOptions = {}): ReadDocument {
  const parser = new Parser(options.lineCounter?.addNewLine);
  options.lineCounter?.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(source)) {
    const at = parser.offset;
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > MAX_DEPTH) return { deep: at };
  }
  for (const token of parser.end()) tokens.push(token);
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(options).compose(tokens, true, source.length)) {
    if (!doc) doc = next;
    else {
      // As parseDocument words it.
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  // compose(…, true) always ends with a document, an empty one for an empty text.
  return { doc: doc as Document.Parsed };
}
