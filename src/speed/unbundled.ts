/**
 * Stands in, in the bundles, for two modules that are never called (rolldown.config.mjs):
 * js-yaml, gray-matter's default YAML engine (front matter is read with the yaml package
 * instead), and source-map, which Handlebars loads only to map generated code back to templates
 * (without it Handlebars uses its own plain code builder). Loading them cost a one-report build
 * about 25 ms.
 */
const unused = (name: string) => () => {
  throw new Error(`${name} is not part of the township-report bundle`);
};
export const safeLoad = unused('js-yaml');
export const safeDump = unused('js-yaml');
export default { safeLoad, safeDump };
