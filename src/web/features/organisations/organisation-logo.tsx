/**
 * An organisation's logo beside its name. The name is always written next to it, so the image
 * is decorative for screen readers (empty alt) and nothing is drawn when there is no logo.
 */
export function OrganisationLogo({ url, size }: { url: string | null; size: 'card' | 'page' }) {
  if (!url) return null;
  const px = size === 'page' ? 72 : 44;
  return <img className={`logo logo--${size}`} src={url} alt="" width={px} height={px} loading="lazy" decoding="async" />;
}
