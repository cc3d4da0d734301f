/**
 * "Why this counterpart" on an agenda item (issue 4 item 10), in the reader's language: who
 * asked for the meeting, whether it is mutual or a "must meet", the language the two share or
 * the interpreter who bridges them, and the sectors they have in common.
 */
import type { Locale } from '../../../contracts/common';
import { translate } from '../../i18n/messages';
import type { RequestRow } from './event.repository';

export interface WhyInput {
  me: string;
  other: string;
  counterpartName: string;
  requests: readonly RequestRow[];
  myLanguages: readonly string[];
  theirLanguages: readonly string[];
  interpreter: string | null;
  sharedSectors: readonly string[];
}

export function whyTheyMeet(w: WhyInput, locale: Locale): string[] {
  const live = w.requests.filter((r) => r.status !== 'declined');
  const mine = live.some((r) => r.from_participant_id === w.me && r.to_participant_id === w.other);
  const theirs = live.some((r) => r.from_participant_id === w.other && r.to_participant_id === w.me);
  const out: string[] = [];
  if (mine && theirs) out.push(translate(locale, 'eventDay.why.mutual', { organisation: w.counterpartName }));
  else if (mine) out.push(translate(locale, 'eventDay.why.youAsked'));
  else if (theirs) out.push(translate(locale, 'eventDay.why.theyAsked', { organisation: w.counterpartName }));
  else out.push(translate(locale, 'eventDay.why.organiser'));
  if (live.some((r) => r.must_meet && (r.from_participant_id === w.me || r.to_participant_id === w.me))) out.push(translate(locale, 'eventDay.why.mustMeet'));
  const languageName = new Intl.DisplayNames([locale], { type: 'language' });
  const shared = w.myLanguages.filter((l) => w.theirLanguages.includes(l));
  if (shared.length > 0) out.push(translate(locale, 'eventDay.why.sharedLanguage', { language: languageName.of(shared[0]!) ?? shared[0] }));
  else if (w.interpreter) out.push(translate(locale, 'eventDay.why.interpreter', { name: w.interpreter }));
  if (w.sharedSectors.length > 0) out.push(translate(locale, 'eventDay.why.sharedSectors', { sectors: w.sharedSectors.join(', ') }));
  return out;
}
