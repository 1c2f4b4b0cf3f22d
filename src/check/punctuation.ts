import { around, isHan } from './text.js';

/** Full-width and half-width punctuation in the wrong language. @internal */

const FULL_WIDTH_ALNUM = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]+/g;
/** CJK punctuation (U+3000–303F) and full-width forms other than letters and digits. */
const FULL_WIDTH_PUNCT = /[\u3000-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]/g;
const TO_HALF: Readonly<Record<string, string>> = {
  '，': ',', '、': ',', '。': '.', '「': '“', '」': '”', '『': '‘', '』': '’', '《': '“', '》': '”',
  '〈': '‘', '〉': '’', '【': '[', '】': ']', '\u3000': 'a space',
};
const TO_FULL: Readonly<Record<string, string>> = { ',': '，', '.': '。', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）', '"': '「 」' };
/** Chinese punctuation a clause can end with, after which ASCII punctuation is Chinese's too. */
const CJK_CLOSING = /[」』》〉）】。，、；：！？]/;

/** Letters and digits typed full-width (Ｗｅｂ３): in either language they should be ordinary ones. */
export function fullWidthAlphanumerics(text: string): string[] {
  return [...text.matchAll(FULL_WIDTH_ALNUM)].map(
    (m) => `"${m[0]}" is typed in full-width characters; type it as "${m[0].normalize('NFKC')}"`,
  );
}

/**
 * Full-width punctuation inside English: "，" between English words. Full-width marks next to
 * a Chinese character are left alone: English may quote a Chinese name, 「智方便」.
 */
export function fullWidthInEnglish(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(FULL_WIDTH_PUNCT)) {
    const at = m.index;
    if (isHan(text[at - 1]) || isHan(text[at + 1])) continue;
    const half = TO_HALF[m[0]] ?? m[0].normalize('NFKC');
    out.push(`the full-width "${m[0]}" should be ${half === 'a space' ? half : `"${half}"`} (${around(text, at)})`);
  }
  return out;
}

/**
 * ASCII punctuation where Chinese wants full-width: , . : ; ! ? after a Chinese character or
 * Chinese punctuation, or before a Chinese character ("數碼,轉型", "措施:"); ( ) around Chinese
 * ("數碼(轉型)"); a straight " next to Chinese. Left alone: ASCII within Latin text or numbers
 * inside Chinese — "互聯網(Web3)技術" (the brackets hold Latin text), "2023/24", "1 : 1", "1.1億".
 */
export function asciiInChinese(text: string): string[] {
  const out: string[] = [];
  const chars = [...text];
  const near = (at: number, step: -1 | 1) => {
    for (let i = at + step; i >= 0 && i < chars.length; i += step) if (!/\s/.test(chars[i] ?? '')) return chars[i];
    return undefined;
  };
  chars.forEach((ch, at) => {
    if (!(ch in TO_FULL)) return;
    const before = chars[at - 1];
    const after = chars[at + 1];
    let wrong: boolean;
    if (ch === '(') wrong = isHan(near(at, 1));
    else if (ch === ')') wrong = isHan(near(at, -1));
    else if (ch === '"') wrong = isHan(before) || isHan(after);
    else {
      const prev = near(at, -1);
      const next = near(at, 1);
      const numeric = /\d/.test(prev ?? '') && /\d/.test(next ?? '');
      wrong = !numeric && (isHan(prev) || CJK_CLOSING.test(prev ?? '') || isHan(next));
    }
    if (wrong) out.push(`"${ch}" should be the full-width "${TO_FULL[ch] ?? ch}" (${around(chars, at)})`);
  });
  return out;
}
