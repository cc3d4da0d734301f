// Minimal types for small untyped libraries, only what Ponte uses.
declare module 'stopword' {
  export const eng: string[];
  export const ita: string[];
  export const zho: string[];
}
declare module 'snowball-stemmers' {
  export function newStemmer(algorithm: string): { stem(word: string): string };
  export function algorithms(): string[];
}
declare module 'opencc-js' {
  export function Converter(opts: { from: string; to: string }): (text: string) => string;
}
