import type { Segment } from '../../model/types.js';
import type { Glossary } from '../../schema/glossary.js';
import { hasHan, hasLatin, isShared, quote, readText } from '../text.js';
import type { Problem, Rule } from '../types.js';

/**
 * Flags: a text that is empty (or only spaces) in one language; a pair whose two texts are the
 * same, unless the pair is marked `shared: true` or holds nothing but numbers, symbols and the
 * glossary's `names` (Web3); Chinese with no Chinese characters in it; English written in Chinese.
 */
export const missingTranslation: Rule = {
  id: 'missing-translation',
  summary: 'a text missing, empty, or the same in both languages',
  check({ model, glossary }) {
    return model.segments.flatMap((s) => problems(s, glossary));
  },
};

function problems(segment: Segment, glossary: Glossary | undefined): Problem[] {
  const zh = readText(segment, 'zh').trim();
  const en = readText(segment, 'en').trim();
  const at = { slide: segment.slide, segment: segment.id };
  if (!zh && !en) return [{ ...at, path: segment.path, message: 'Both the Chinese and the English text are empty.' }];
  if (!zh) return [{ ...at, lang: 'zh', path: [...segment.path, 'zh'], message: `The Chinese text is empty; the English reads ${quote(en)}.` }];
  if (!en) return [{ ...at, lang: 'en', path: [...segment.path, 'en'], message: `The English translation is empty; the Chinese reads ${quote(zh)}.` }];
  if (isShared(segment)) return [];

  const words = (text: string) => withoutNames(text, glossary?.names ?? []);
  if (squash(zh) === squash(en) && (hasHan(words(zh)) || hasLatin(words(zh)))) {
    const untranslated = hasHan(zh) ? 'en' : 'zh';
    return [{
      ...at,
      lang: untranslated,
      path: [...segment.path, untranslated],
      message:
        untranslated === 'en'
          ? `The English is the same as the Chinese (${quote(zh)}): it has not been translated.`
          : `The Chinese is the same as the English (${quote(en)}): it has not been translated. If it is a name written the same in both languages, mark the pair "shared: true".`,
    }];
  }
  if (!hasHan(zh) && hasLatin(words(zh))) {
    return [{ ...at, lang: 'zh', path: [...segment.path, 'zh'], message: `The Chinese text has no Chinese in it (${quote(zh)}); has it been translated?` }];
  }
  if (hasHan(en) && !hasLatin(en)) {
    return [{ ...at, lang: 'en', path: [...segment.path, 'en'], message: `The English text is in Chinese (${quote(en)}); has it been translated?` }];
  }
  return [];
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function withoutNames(text: string, names: readonly string[]): string {
  return names.reduce((t, name) => t.split(name).join(' '), text);
}
