import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../harness/paths';

const SRC = path.join(ROOT, 'renderer', 'src');
const TOKENS = path.join(SRC, 'shared', 'styles', 'tokens.css');

function filesUnder(dir: string, ending: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, ending);
    return ending.test(entry.name) ? [full] : [];
  });
}

const STYLESHEETS = filesUnder(SRC, /\.css$/);
const relative = (file: string) => path.relative(ROOT, file);
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** Every declaration of a stylesheet (innermost blocks), with its line for the message. */
function declarations(css: string): { property: string; value: string; line: number }[] {
  const text = withoutComments(css);
  const out: { property: string; value: string; line: number }[] = [];
  for (const block of text.matchAll(/\{([^{}]*)\}/g)) {
    let offset = block.index! + 1;
    for (const part of block[1]!.split(';')) {
      const colon = part.indexOf(':');
      if (colon > 0) {
        const line = text.slice(0, offset + part.search(/\S/)).split('\n').length;
        out.push({ property: part.slice(0, colon).trim(), value: part.slice(colon + 1).trim(), line });
      }
      offset += part.length + 1;
    }
  }
  return out;
}

// CSS Color 4 named colours; transparent and currentcolor do not change with a theme and are allowed.
const NAMED_COLOURS =
  'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen'.split(
    ' ',
  );
const NAMED = new RegExp(`(^|[\\s,(])(${NAMED_COLOURS.join('|')})(?=$|[\\s,)])`, 'i');
const HEX = /#[0-9a-f]{3,8}\b/i;
const COLOUR_FUNCTION = /\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;

/** The raw colours written in a value, once custom property names (var(--…)) are set aside. */
function rawColours(value: string): string[] {
  const bare = value.replace(/--[\w-]+/g, '').replace(/'[^']*'|"[^"]*"/g, '');
  return [HEX.exec(bare)?.[0], COLOUR_FUNCTION.exec(bare)?.[0], NAMED.exec(bare)?.[2]].filter((x): x is string => Boolean(x));
}

describe('stylesheets', () => {
  it('are found where the features keep them', () => {
    expect(STYLESHEETS).toContain(TOKENS);
    expect(STYLESHEETS.length).toBeGreaterThan(10);
  });

  it('write no raw colour outside tokens.css: they name a token, so a theme can change every colour', () => {
    const found: string[] = [];
    for (const file of STYLESHEETS.filter((f) => f !== TOKENS)) {
      for (const { property, value, line } of declarations(fs.readFileSync(file, 'utf8'))) {
        for (const colour of rawColours(value)) found.push(`${relative(file)}:${line} ${property}: ${value} (${colour})`);
      }
    }
    expect(found).toEqual([]);
  });

  it('find raw colours in every form a stylesheet could write them', () => {
    const css = '.a { color: #abc; }\n.b { background: rgb(1 2 3 / 0.5); border: 1px solid red; }\n.c { box-shadow: 0 0 0 2px hsl(0 0% 0%); }';
    expect(declarations(css).flatMap((d) => rawColours(d.value))).toEqual(['#abc', 'rgb(', 'red', 'hsl(']);
    // Token names, transparent, currentcolor and font names are not colours.
    expect(rawColours("var(--highlight-orange-bg) transparent currentcolor 'Noto Sans'")).toEqual([]);
    expect(rawColours('color-mix(in srgb, var(--hl-bg) 70%, var(--hl-line))')).toEqual([]);
  });

  it('keep tokens.css to custom properties on :root, so a theme only redefines them under its own selector', () => {
    const css = withoutComments(fs.readFileSync(TOKENS, 'utf8'));
    const selectors = [...css.matchAll(/([^{}]+)\{/g)].map((m) => m[1]!.trim());
    expect(selectors[0]).toBe(':root');
    // Themes and typography steps: one attribute of the root each; on paper, whatever the theme (print.css).
    const printTheme = ['@media print', ':root[data-theme]'];
    expect(selectors.filter((s) => !/^:root\[data-[a-z-]+='[\w-]+'\]$/.test(s) && !printTheme.includes(s))).toEqual([':root']);
    const properties = declarations(css).map((d) => d.property);
    expect(properties.filter((p) => !p.startsWith('--') && p !== 'color-scheme')).toEqual([]);
  });

  it('use only tokens that tokens.css defines (a misspelt one would silently fall back)', () => {
    const defined = new Set(declarations(fs.readFileSync(TOKENS, 'utf8')).map((d) => d.property));
    const missing: string[] = [];
    for (const file of STYLESHEETS) {
      const css = fs.readFileSync(file, 'utf8');
      // Properties a stylesheet sets for itself (--hl-bg, --hl-line) count as defined there.
      const local = new Set(declarations(css).map((d) => d.property).filter((p) => p.startsWith('--')));
      for (const [, name] of withoutComments(css).matchAll(/var\((--[\w-]+)/g)) {
        if (!defined.has(name!) && !local.has(name!)) missing.push(`${relative(file)}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('are each imported by the module they style, so none is left out of the build', () => {
    const sources = filesUnder(SRC, /\.tsx?$/).map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
    const imported = new Set<string>();
    for (const { file, text } of sources) {
      for (const [, spec] of text.matchAll(/^import '([^']+\.css)';$/gm)) imported.add(path.resolve(path.dirname(file), spec!));
    }
    expect(STYLESHEETS.filter((file) => !imported.has(file)).map(relative)).toEqual([]);
  });
});
