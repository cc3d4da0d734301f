import type { LexiconLang } from './lexicon-key';

/**
 * Function words expandToPivots skips on their own by default (as lexicon keys: folded, no
 * accents). Short on purpose: the wordnets hold content words only, but Wiktionary and the
 * accent folding give "di" (dì, day), "e" (letter E), 的 (target) senses that would otherwise
 * land in every query. A fuller list (stopwords-iso) can be passed instead.
 */
export const FUNCTION_WORDS: Record<LexiconLang, ReadonlySet<string>> = {
  it: new Set(
    ('il lo la i gli le un uno una l un di a da in con su per tra fra del dello della dei degli delle al allo alla ai ' +
      'agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle col ' +
      'e ed o od ma anche che chi cui non ne ci si vi se come piu molto sono siamo e essere ha hanno abbiamo noi voi ' +
      'loro nostro nostra nostri nostre vostro suo sua suoi sue questo questa questi queste quello quella ' +
      // elided forms, as tokens come out of "dell'azienda"
      'dell dall nell sull all coll quell quest anch')
      .split(' '),
  ),
  en: new Set(
    ('a an the of to and or in on at by for with from as is are was were be been being it its this that these those ' +
      'we our you your they their he she his her i my me us them not no but if so than then there here which who whom ' +
      'what will would can could should may might do does did have has had also very')
      .split(' '),
  ),
  zh: new Set(
    ('的 了 和 与 及 或 是 在 有 也 都 就 而 并 及其 等 之 其 这 那 这些 那些 我 我们 你 你们 他 她 它 他们 我司 ' +
      '本 该 个 为 对 从 把 被 向 于 以 将 会 能 可以 吗 呢 吧 啊')
      .split(' '),
  ),
};
