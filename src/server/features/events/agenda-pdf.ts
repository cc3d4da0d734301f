/**
 * The printable agenda (issue 4 item 10) with pdfkit. One font covers all three languages: Noto
 * Sans SC from the @expo-google-fonts/noto-sans-sc package (TrueType; OFL-1.1, see NOTICE) has
 * the Latin letters with Italian accents as well as the Chinese ideographs, and pdfkit embeds
 * only the glyphs used (fontkit subsetting), so a one-page agenda stays small. Nothing is fetched
 * at run time.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { pickText, type Locale } from '../../../contracts/common';
import type { Agenda } from '../../../contracts/events';
import { translate } from '../../i18n/messages';

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | null = null;
/** Read once per process (about 10 MB each); pdfkit parses and subsets per document. */
function loadFonts() {
  return (fonts ??= {
    regular: fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
    bold: fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf')),
  });
}

const dayHeading = (iso: string, timeZone: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));

/** Renders an agenda already localised for `locale` (labels, names, times) as a PDF. */
export function renderAgendaPdf(agenda: Agenda, locale: Locale, generatedAt: Date): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: agenda.event.title, Creator: 'Ponte' }, lang: locale === 'zh' ? 'zh-CN' : locale });
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const t = (key: string, params: Record<string, unknown> = {}) => translate(locale, `eventDay.pdf.${key}`, params);
  const org = agenda.participant.organisation;

  doc.font('bold').fontSize(18).text(agenda.event.title);
  doc.font('body').fontSize(11).fillColor('#333');
  doc.text(pickText(org.names, locale) || org.legalName);
  doc.text(agenda.event.online ? t('online') : (agenda.event.venue ?? ''));
  doc.text(t('timesIn', { zone: agenda.timeZone }));
  doc.moveDown();

  if (agenda.items.length === 0) doc.text(t('noMeetings'));
  let day = '';
  for (const item of agenda.items) {
    if (item.local.date !== day) {
      day = item.local.date;
      doc.moveDown(0.5).font('bold').fontSize(13).fillColor('#000').text(dayHeading(item.startsAt, agenda.timeZone, locale));
    }
    const name = pickText(item.counterpart.names, locale) || item.counterpart.legalName;
    doc.moveDown(0.3).font('bold').fontSize(11).fillColor('#000').text(`${item.local.start}–${item.local.end}  ${name}`);
    doc.font('body').fontSize(10).fillColor('#333');
    const lines = [
      t('table', { name: item.table.name }),
      item.interpreter ? t('interpreter', { name: item.interpreter.name }) : null,
      item.eventLocal ? t('eventTime', { time: `${item.eventLocal.start}–${item.eventLocal.end}` }) : null,
      item.status !== 'scheduled' ? t(`status.${item.status}`) : null,
      item.table.videoUrl,
      ...item.why,
    ].filter((l): l is string => Boolean(l));
    for (const line of lines) doc.text(line, { indent: 12 });
  }
  doc.moveDown().fontSize(8).fillColor('#777').text(t('generated', { at: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: agenda.timeZone }).format(generatedAt) }));
  doc.end();
  return done;
}
