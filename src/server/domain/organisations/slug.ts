import { foldText } from '../search/search-terms';

/**
 * URL slug from a Latin-script name ("Livolsi&Partners" → "livolsi-partners"). Names written only
 * in Chinese have no Latin letters, so the caller supplies a fallback (pinyin is not available
 * offline in a form we trust for company names).
 */
export function slugify(name: string, fallback: string): string {
  const slug = foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug.length >= 2 ? slug : fallback;
}
