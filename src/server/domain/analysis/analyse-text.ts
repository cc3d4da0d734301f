import type { OpportunityType } from '../../../contracts/opportunity';
import { buildConceptMatcher, findConcepts, type ConceptMatcher, type ConceptMention } from './concepts';
import { findDirectionCues, findTypeCues, inferDirection, rankTypes, type CueMention } from './cooperation-cues';
import { detectLanguage, type LanguageGuess } from './language';
import { findPlaces, indexPlaces, type PlaceEntry, type PlaceIndex, type PlaceMatch } from './places/places';
import { findMoney, findQuantities, type MoneyMention, type QuantityMention } from './quantities';
import { indexTaxonomy, type BuiltTaxonomy, type TaxonomyIndex } from './taxonomy/taxonomy';
import { findTimeFrames, type TimeFrameMention } from './time-frames';
import { MAX_ANALYSED_CHARS, tokenise, type Token } from './tokenise';

/** Everything analysis needs, built once from the shipped data files. */
export interface AnalysisResources {
  taxonomy: TaxonomyIndex;
  concepts: ConceptMatcher;
  places: PlaceIndex;
}

export function buildAnalysisResources(taxonomy: BuiltTaxonomy, places: readonly PlaceEntry[]): AnalysisResources {
  const index = indexTaxonomy(taxonomy);
  return { taxonomy: index, concepts: buildConceptMatcher(index), places: indexPlaces(places) };
}

/** The requirement analysis of one text: what it is about, who offers or asks what, and where. */
export interface TextAnalysis {
  language: LanguageGuess;
  /** True when the text was longer than MAX_ANALYSED_CHARS and only its start was read. */
  truncated: boolean;
  concepts: ConceptMention[];
  certifications: ConceptMention[];
  direction: 'offer' | 'request' | null;
  /** The words that say who offers and who asks ("cerchiamo", "we offer", 寻找). */
  directionCues: Array<CueMention<'offer' | 'request'>>;
  types: Array<{ type: OpportunityType; score: number }>;
  money: MoneyMention[];
  quantities: QuantityMention[];
  places: PlaceMatch[];
  timeFrames: TimeFrameMention[];
}

/**
 * Analyses a text in Italian, Chinese, English or a mix. Every item carries the character span
 * that justifies it, so the web app can show "what we understood" next to the words.
 */
export function analyseText(res: AnalysisResources, text: string, tokens?: readonly Token[]): TextAnalysis {
  const truncated = text.length > MAX_ANALYSED_CHARS;
  const src = truncated ? text.slice(0, MAX_ANALYSED_CHARS) : text;
  const language = detectLanguage(src);
  const style = language.shares.en > language.shares.it ? 'en' : 'it';
  // tokenise() reads only the first MAX_ANALYSED_CHARS itself, so a caller's tokens line up.
  const words = tokens ?? tokenise(src);
  const places = findPlaces(res.places, src);
  // A name the gazetteer is sure of is the place, not a label it shares ("vicino a Bologna" is
  // the city, not the Bologna shoe construction).
  const inPlace = (c: ConceptMention) => places.some((p) => p.confidence === 'high' && c.start >= p.start && c.end <= p.end);
  const concepts = findConcepts(res.concepts, src, words).filter((c) => !inPlace(c));
  const money = findMoney(src, style);
  const directionCues = findDirectionCues(src, words);
  return {
    language,
    truncated,
    concepts,
    certifications: concepts.filter((c) => c.ids.some((id) => res.taxonomy.get(id)?.kind === 'certification')),
    direction: inferDirection(directionCues),
    directionCues,
    types: rankTypes(findTypeCues(src)),
    money,
    quantities: findQuantities(src, style, money),
    places,
    timeFrames: findTimeFrames(src),
  };
}
