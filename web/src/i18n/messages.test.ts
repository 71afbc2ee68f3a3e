import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('..', import.meta.url));
const localesDir = fileURLToPath(new URL('../../../locales', import.meta.url));

function webMessages(locale: string) {
  const source = readFileSync(join(localesDir, locale, 'web.ftl'), 'utf8');
  const resource = new FluentResource(source);
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const errors = bundle.addResource(resource);
  const ids = resource.body.map((message) => message.id);
  return { bundle, errors, ids };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** A value for every variable the messages use. */
const SAMPLE_ARGS = {
  after: 'In progress',
  app: 'Bansō',
  before: 'Triaged',
  code: 'MEDICAL_DX',
  count: 2,
  country: 'Japan',
  date: '26 Nov 2026',
  days: 3,
  desk: 'MEDISO',
  email: 'someone@example.jp',
  field: 'Status',
  from: 'InnoHub',
  id: 'req-1',
  kind: 'Domain',
  label: 'Care tech',
  name: 'Sato',
  page: 1,
  reference: 'MED-2026-0042',
  role: 'Advisor',
  score: '94.281',
  shown: 20,
  to: 'MEDISO',
};

describe('locales/*/web.ftl', () => {
  const en = webMessages('en');
  const ja = webMessages('ja');

  it('parse without errors or duplicates', () => {
    expect(en.errors).toEqual([]);
    expect(ja.errors).toEqual([]);
    expect(new Set(en.ids).size).toBe(en.ids.length);
    expect(new Set(ja.ids).size).toBe(ja.ids.length);
  });

  it('have the same keys, all prefixed with web-', () => {
    expect([...ja.ids].sort()).toEqual([...en.ids].sort());
    for (const id of en.ids) expect(id).toMatch(/^web-[a-z0-9-]+$/);
  });

  it('define every web- key the code uses', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(srcDir)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/['"`](web-[a-z0-9-]+)['"`]/g)) {
        if (match[1]) used.add(match[1]);
      }
    }
    const missing = [...used].filter((id) => !en.ids.includes(id));
    expect(missing).toEqual([]);
    const unused = en.ids.filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });

  it('format every message in both languages', () => {
    for (const { bundle, ids } of [en, ja]) {
      for (const id of ids) {
        const message = bundle.getMessage(id);
        expect(message?.value, id).toBeTruthy();
        const errors: Error[] = [];
        if (message?.value) bundle.formatPattern(message.value, SAMPLE_ARGS, errors);
        expect(errors, id).toEqual([]);
      }
    }
  });
});
