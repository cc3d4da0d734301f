/**
 * Recommendations for opportunities and organisations, served from an in-memory MatchEngine.
 *
 * The engine is built in the background after start (progress in status()), from the public
 * fields of listed organisations and published opportunities, and then follows the database by
 * polling "updated since" every POLL_MS — so an edit from this process or any other shows in
 * recommendations within about a second, and several server processes stay consistent without
 * a message bus.
 */
import type { Locale } from '../../../contracts/common';
import type {
  ConceptList,
  ConceptQuery,
  ConceptRef,
  MatchIndexStatus,
  MatchItem,
  MatchEventInput,
  MatchList,
  MatchQuery,
  TextUnderstanding,
} from '../../../contracts/matching';
import type { OpportunityType } from '../../../contracts/opportunity';
import type { OrganisationKind } from '../../../contracts/organisation';
import type { Db } from '../../db/client';
import { analyseText } from '../../domain/analysis/analyse-text';
import { searchConcepts } from '../../domain/analysis/taxonomy/search-concepts';
import type { TaxonomyIndex } from '../../domain/analysis/taxonomy/taxonomy';
import { MatchEngine, type MatchFilters, type MatchResult, type MatchSubject, type RecommendOptions } from '../../domain/matching/match-engine';
import { opportunitySubject, organisationSubject, type OrganisationFacts } from '../../domain/matching/subjects';
import type { MatchingResources } from '../../domain/matching/text-features';
import { notFound } from '../../errors';
import { translate } from '../../i18n/messages';
import type { Viewer } from '../auth/auth-context';
import type { OpportunityService } from '../opportunities/opportunity.service';
import { isoDay } from '../opportunities/opportunity.service';
import type { OrganisationService } from '../organisations/organisation.service';
import { presentSummary } from '../organisations/organisation.presenter';
import { createOrganisationRepository } from '../organisations/organisation.repository';
import { createHash } from 'node:crypto';
import type { EmbeddingProvider } from './embedding-provider';
import { answeredShares } from '../contacts/contacts.repository';
import { latestLearnedWeights } from './learn-weights';
import { recordMatchEvent } from './match-events.repository';
import { createSavedMatches } from './saved-matches';
import { createMatchingRepository, type MatchOpportunityRow, type MatchOrganisationRow } from './matching.repository';

const PAGE = 2000;
const POLL_MS = 500;
/** Re-read this far back on every poll: a transaction's now() is its start, not its commit. */
const POLL_OVERLAP_MS = 5000;

export interface MatchingDeps {
  db: Db;
  clock: () => Date;
  /** Loaded lazily in the background build; the server starts without waiting for it. */
  loadResources: () => MatchingResources;
  organisations: OrganisationService;
  opportunities: OpportunityService;
  /** The optional dense layer's provider (null or absent: off, the default). */
  embedder?: EmbeddingProvider | null;
  /** A contact request pending longer than this counts as ignored in responsiveness (default 3). */
  responsivenessGraceDays?: number;
  log?: (line: string) => void;
}

/** Responsiveness changes slowly; re-reading it once a minute is plenty. */
const RESPONSIVENESS_REFRESH_MS = 60_000;

/** Texts sent to the embedding provider per request. */
const EMBED_BATCH = 64;

export function createMatchingService(deps: MatchingDeps) {
  const { db, clock } = deps;
  const repo = createMatchingRepository(db);
  const orgRepo = createOrganisationRepository(db);
  let res: MatchingResources | null = null;
  let engine: MatchEngine | null = null;
  const status: MatchIndexStatus = {
    state: 'building',
    indexed: 0,
    total: 0,
    layers: { concepts: true, lexicon: false, dense: Boolean(deps.embedder) },
    weights: 'hand-set',
    dense: deps.embedder ? { model: deps.embedder.model, embedded: 0, pending: 0, error: null } : null,
  };
  // The dense layer: vectors by subject key, and texts still to embed (filled as subjects are indexed).
  const vectors = new Map<string, Float32Array>();
  const toEmbed = new Map<string, string>();
  let embedding: Promise<void> | null = null;
  const orgFacts = new Map<string, OrganisationFacts>();
  let since = new Date(0);
  /** The database's clock when the last poll began (ms). */
  let lastPoll = 0;
  let responsivenessReadAt = 0;
  let timer: NodeJS.Timeout | null = null;
  let building: Promise<void> | null = null;
  let polling: Promise<void> = Promise.resolve();
  let stopped = false;

  const toOrgFacts = (r: MatchOrganisationRow): OrganisationFacts => ({
    id: r.id,
    kind: r.kind as OrganisationKind,
    country: r.country,
    region: r.region,
    sizeBand: r.size_band,
    certifications: r.certifications,
    texts: [r.legal_name, ...Object.values(r.names), ...Object.values(r.description)],
    sectors: r.sectors,
    products: r.products,
    updatedAt: r.updated_at.getTime(),
    listed: r.listed,
  });

  function indexOrganisation(r: MatchOrganisationRow): void {
    const facts = toOrgFacts(r);
    orgFacts.set(r.id, facts);
    engine!.upsert(organisationSubject(res!, facts));
    if (deps.embedder) toEmbed.set(`org:${r.id}`, facts.texts.filter(Boolean).join('\n'));
  }

  function opportunityOf(r: MatchOpportunityRow, organisation: OrganisationFacts): MatchSubject {
    return opportunitySubject(res!, {
      id: r.id,
      organisation,
      direction: r.direction,
      type: r.type as OpportunityType,
      texts: [...Object.values(r.title), ...Object.values(r.description)],
      sectors: r.sectors,
      products: r.products,
      requiredCertifications: r.required_certifications,
      status: r.status,
      expiresOn: r.expires_on,
      updatedAt: r.updated_at.getTime(),
      conceptsAdded: r.concepts_added,
      conceptsRemoved: r.concepts_removed,
    });
  }

  function indexOpportunity(r: MatchOpportunityRow): void {
    const organisation = orgFacts.get(r.organisation_id);
    if (!organisation) return;
    engine!.upsert(opportunityOf(r, organisation));
    if (deps.embedder) toEmbed.set(`opp:${r.id}`, [...Object.values(r.title), ...Object.values(r.description)].join('\n'));
  }

  /**
   * Embeds what is waiting, in the background, never on a request's path: vectors already stored
   * for the same model and text are reused; new ones are stored. Progress shows in status().
   */
  function embedPending(): Promise<void> {
    const provider = deps.embedder;
    if (!provider || !engine || embedding) return embedding ?? Promise.resolve();
    embedding = (async () => {
      while (toEmbed.size && !stopped) {
        const batch = [...toEmbed].slice(0, EMBED_BATCH);
        for (const [key] of batch) toEmbed.delete(key);
        const hashes = batch.map(([, text]) => createHash('sha256').update(text).digest('hex'));
        const stored = await repo.vectors(batch.map(([key]) => key), provider.model);
        const missing = batch.filter(([key], i) => stored.get(key)?.sha256 !== hashes[i]);
        for (const [key] of batch) {
          const v = stored.get(key);
          if (v && !missing.some(([k]) => k === key)) vectors.set(key, v.vector);
        }
        if (missing.length) {
          const fresh = await provider.embed(missing.map(([, text]) => text));
          for (const [i, [key]] of missing.entries()) {
            vectors.set(key, fresh[i]!);
            await repo.saveVector(key, provider.model, hashes[batch.findIndex(([k]) => k === key)]!, fresh[i]!);
          }
        }
        status.dense = { model: provider.model, embedded: vectors.size, pending: toEmbed.size, error: null };
        await yieldToRequests();
      }
    })()
      .catch((err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        status.dense = { model: provider.model, embedded: vectors.size, pending: toEmbed.size, error: message };
        deps.log?.(`embedding failed: ${message}`);
      })
      .finally(() => {
        embedding = null;
      });
    return embedding;
  }

  async function build(): Promise<void> {
    const started = performance.now();
    res = resources();
    status.layers.lexicon = res.lexicon !== null;
    engine = new MatchEngine(res.analysis.taxonomy);
    if (deps.embedder) engine.dense = vectors;
    // Weights learned from use replace the hand-set boosts once `ponte learn weights` stored some.
    engine.learned = await latestLearnedWeights(db);
    status.weights = engine.learned ? 'learned' : 'hand-set';
    since = new Date(clock().getTime() - POLL_OVERLAP_MS);
    lastPoll = (await db.query<{ at: Date }>('select now() as at')).rows[0]!.at.getTime();
    status.total = await repo.countSubjects();
    // Unlisted organisations are needed as owners of nothing public; only listed ones are read.
    for (let after: string | null = null; !stopped; ) {
      const rows = await repo.organisationsAfter(after, PAGE);
      if (!rows.length) break;
      for (const r of rows) indexOrganisation(r);
      status.indexed += rows.length;
      after = rows[rows.length - 1]!.id;
      await yieldToRequests();
    }
    for (let after: string | null = null; !stopped; ) {
      const rows = await repo.opportunitiesAfter(after, PAGE);
      if (!rows.length) break;
      for (const r of rows) indexOpportunity(r);
      status.indexed += rows.length;
      after = rows[rows.length - 1]!.id;
      await yieldToRequests();
    }
    await refreshResponsiveness();
    status.state = 'ready';
    deps.log?.(`indexed ${engine.size} subjects in ${Math.round(performance.now() - started)} ms`);
    void embedPending();
  }

  async function refreshResponsiveness(): Promise<void> {
    if (!engine) return;
    engine.responsiveness = await answeredShares(db, deps.responsivenessGraceDays ?? 3);
    responsivenessReadAt = performance.now();
  }

  /** Applies every change since the last poll. */
  async function poll(): Promise<void> {
    if (!engine || !res) return;
    if (performance.now() - responsivenessReadAt > RESPONSIVENESS_REFRESH_MS) await refreshResponsiveness();
    // From a little before the last poll's start, and from the newest change seen when that is
    // earlier. Not from the newest change alone: after a bulk load every poll would re-read the
    // whole load until someone wrote again.
    const at = (await db.query<{ at: Date }>('select now() as at')).rows[0]!.at.getTime();
    const from = new Date(Math.min(lastPoll - POLL_OVERLAP_MS, since.getTime()));
    lastPoll = at;
    const changes = await repo.changedSince(from);
    if (changes.latest && changes.latest > since) since = changes.latest;
    if (!changes.organisations.length && !changes.opportunities.length) return;
    const orgRows = await repo.organisationsByIds(changes.organisations);
    for (const r of orgRows) {
      const known = engine.get(`org:${r.id}`);
      if (known && known.updatedAt === r.updated_at.getTime() && r.listed) continue;
      if (r.listed) indexOrganisation(r);
      else {
        orgFacts.set(r.id, toOrgFacts(r));
        engine.remove(`org:${r.id}`);
      }
    }
    // An organisation's change (listing, certifications, country) reaches its opportunities.
    const touchedOrgs = orgRows.map((r) => r.id);
    const oppRows = [
      ...(await repo.opportunitiesOf(touchedOrgs)),
      ...(await Promise.all(changes.opportunities.map((id) => repo.opportunityById(id)))).filter(
        (r): r is MatchOpportunityRow => r !== null && !touchedOrgs.includes(r.organisation_id),
      ),
    ];
    for (const r of oppRows) {
      if (!orgFacts.has(r.organisation_id)) {
        const [owner] = await repo.organisationsByIds([r.organisation_id]);
        if (owner) orgFacts.set(owner.id, toOrgFacts(owner));
      }
      if (r.status === 'draft') engine.remove(`opp:${r.id}`);
      else indexOpportunity(r);
    }
    void embedPending();
  }

  function schedulePoll(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      polling = poll()
        .catch((err: unknown) => deps.log?.(`poll failed: ${err instanceof Error ? err.message : String(err)}`))
        .finally(schedulePoll);
    }, POLL_MS);
    timer.unref();
  }

  function conceptRef(taxonomy: TaxonomyIndex, id: string, locale: Locale): ConceptRef | null {
    const c = taxonomy.get(id);
    return c ? { id, label: c.labels[locale].pref, kind: c.kind } : null;
  }

  /** Loaded once, by whichever comes first: the background build or an analysis request. */
  function resources(): MatchingResources {
    return (res ??= deps.loadResources());
  }

  async function present(results: MatchResult[], locale: Locale): Promise<MatchItem[]> {
    const taxonomy = res!.analysis.taxonomy;
    // Owners and opportunities are read concurrently, once each, not one result after another.
    const orgIds = [...new Set(results.map((r) => r.subject.organisationId))];
    const orgRows = new Map(await Promise.all(orgIds.map(async (id) => [id, await orgRepo.findById(id)] as const)));
    const opportunities = await Promise.all(
      results.map((r) => (r.subject.kind === 'opportunity' ? deps.opportunities.get(r.subject.id, null).catch(() => null) : null)),
    );
    const items: MatchItem[] = [];
    for (const [i, r] of results.entries()) {
      const org = orgRows.get(r.subject.organisationId);
      if (!org) continue;
      const opportunity = opportunities[i] ?? null;
      if (r.subject.kind === 'opportunity' && !opportunity) continue;
      const refs = (ids: string[]) => ids.map((id) => conceptRef(taxonomy, id, locale)).filter((x): x is ConceptRef => x !== null);
      const e = r.explanation;
      const explanation = {
        sharedConcepts: refs(e.sharedConcepts),
        sharedTerms: e.sharedTerms,
        sharedWords: e.sharedWords,
        complementaryRoles: e.complementaryRoles,
        certificationsMet: e.certificationsMet,
        missingConcepts: refs(e.missingConcepts),
        reasons: [] as string[],
      };
      explanation.reasons = reasons(explanation, e.directions, locale);
      items.push({
        kind: r.subject.kind,
        score: round(r.score),
        components: {
          relevance: round(r.components.relevance),
          complementarity: round(r.components.complementarity),
          reciprocity: round(r.components.reciprocity),
          freshness: round(r.components.freshness),
          responsiveness: round(r.components.responsiveness),
        },
        explanation,
        organisation: presentSummary(org),
        opportunity,
      });
    }
    return items;
  }

  function recommendOptions(q: MatchQuery): RecommendOptions & { filters: MatchFilters } {
    const now = clock();
    return {
      limit: q.limit,
      today: isoDay(now),
      now: now.getTime(),
      filters: {
        kinds: q.kind,
        countries: q.country,
        regions: q.region,
        types: q.type,
        sizeBands: q.size,
        certifications: q.certification?.map((c) => c.toLowerCase()),
      },
    };
  }

  async function subjectFromDatabase(id: string): Promise<MatchSubject | null> {
    const row = await repo.opportunityById(id);
    const [owner] = row ? await repo.organisationsByIds([row.organisation_id]) : [];
    return row && owner ? opportunityOf(row, toOrgFacts(owner)) : null;
  }

  return {
    /** Starts the background build and the change feed; returns at once. */
    start(): void {
      building ??= build()
        .then(schedulePoll)
        .catch((err: unknown) => deps.log?.(`matching index build failed: ${err instanceof Error ? err.stack : String(err)}`));
    },

    /** Resolves when the first build is done (tests, the CLI). */
    async ready(): Promise<void> {
      this.start();
      await building;
    },

    /** Applies pending changes now instead of waiting for the next poll (tests). */
    async sync(): Promise<void> {
      await polling;
      await refreshResponsiveness();
      await poll();
      await embedPending();
    },

    status(): MatchIndexStatus {
      return { ...status, layers: { ...status.layers } };
    },

    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await building;
      await polling;
      await embedding;
    },

    /** Counterparts for an opportunity the viewer can see (drafts too, for their own organisation). */
    async forOpportunity(id: string, q: MatchQuery, viewer: Viewer | null, locale: Locale): Promise<MatchList> {
      await deps.opportunities.get(id, viewer); // 404 unless the viewer may see it
      if (!engine || status.state !== 'ready') return { items: [], index: this.status() };
      // A draft is not in the shared index: analyse it on the fly for its owners.
      const query = engine.get(`opp:${id}`) ?? (await subjectFromDatabase(id));
      if (!query) throw notFound('opportunity');
      const results = engine.recommend(query, recommendOptions(q));
      return { items: await present(results, locale), index: this.status() };
    },

    /** Recommended partners (organisations by default) for an organisation the viewer can see. */
    /** `among`: only these organisations compete (an event's participants), not the whole directory. */
    async forOrganisation(slugOrId: string, q: MatchQuery, viewer: Viewer | null, locale: Locale, among?: ReadonlySet<string>): Promise<MatchList> {
      const org = await deps.organisations.detail(slugOrId, viewer);
      if (!engine || status.state !== 'ready') return { items: [], index: this.status() };
      let subject = engine.get(`org:${org.id}`);
      if (!subject) {
        const [row] = await repo.organisationsByIds([org.id]);
        if (!row) throw notFound('organisation');
        subject = organisationSubject(res!, toOrgFacts(row));
      }
      const options = recommendOptions({ ...q, kind: q.kind ?? ['organisation'] });
      if (among) options.filters.organisationIds = among;
      const results = engine.recommend(subject, options);
      return { items: await present(results, locale), index: this.status() };
    },

    /** The viewer's saved recommendations (saved-matches.ts). */
    saved: createSavedMatches({ db, opportunities: deps.opportunities }),

    /** Impressions, saves and dismissals reported by the web app, for learning the weights. */

    async recordEvents(events: readonly MatchEventInput[], viewer: Viewer | null): Promise<void> {
      for (const e of events) {
        await recordMatchEvent(db, { userId: viewer?.userId ?? null, organisationId: null, ...e, components: e.components ?? null });
      }
    },

    /** "What we understood" in a text, labelled in the reader's language. */
    understand(text: string, locale: Locale): TextUnderstanding {
      return understand(resources(), text, locale);
    },

    /** Taxonomy concepts by label in any language, or by id; labelled in the reader's language. */
    concepts(q: ConceptQuery, locale: Locale): ConceptList {
      const taxonomy = resources().analysis.taxonomy;
      const ids = q.id ?? searchConcepts(taxonomy, q.q ?? '', q.limit).map((c) => c.id);
      return { items: ids.slice(0, q.limit).map((id) => conceptRef(taxonomy, id, locale)).filter((c): c is ConceptRef => c !== null) };
    },
  };
}

export type MatchingService = ReturnType<typeof createMatchingService>;

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Lets queued requests run between pages of the background build. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

function reasons(
  e: Omit<MatchItem['explanation'], 'reasons'>,
  directions: [string | null, string | null],
  locale: Locale,
): string[] {
  const t = (key: string, params: Record<string, unknown> = {}) => translate(locale, key, params);
  const list = (xs: string[]) => xs.join(translate(locale, 'matching.listSeparator'));
  const out: string[] = [];
  if (e.sharedConcepts.length) out.push(t('matching.reason.sharedConcepts', { list: list(e.sharedConcepts.slice(0, 4).map((c) => c.label)) }));
  else if (e.sharedTerms.length) out.push(t('matching.reason.sharedTerms', { list: list(e.sharedTerms.slice(0, 4)) }));
  if (directions[0] && directions[1] && directions[0] !== directions[1]) {
    out.push(t(directions[0] === 'request' ? 'matching.reason.offerMeetsRequest' : 'matching.reason.requestMeetsOffer'));
  }
  for (const [a, b] of e.complementaryRoles.slice(0, 2)) {
    out.push(t('matching.reason.roles', { a: t(`matching.role.${a}`), b: t(`matching.role.${b}`) }));
  }
  if (e.certificationsMet.length) out.push(t('matching.reason.certifications', { list: list(e.certificationsMet.map((c) => c.toUpperCase())) }));
  if (e.missingConcepts.length) out.push(t('matching.reason.missing', { list: list(e.missingConcepts.map((c) => c.label)) }));
  return out;
}

function understand(res: MatchingResources, text: string, locale: Locale): TextUnderstanding {
  const a = analyseText(res.analysis, text);
  const taxonomy = res.analysis.taxonomy;
  const ref = (id: string): ConceptRef => {
    const c = taxonomy.get(id)!;
    return { id, label: c.labels[locale].pref, kind: c.kind };
  };
  const span = (m: { start: number; end: number; surface: string }) => ({ start: m.start, end: m.end, surface: m.surface });
  return {
    language: a.language.language,
    mixed: a.language.mixed,
    truncated: a.truncated,
    direction: a.direction,
    types: a.types.map((t) => ({ type: t.type, score: round(t.score) })),
    concepts: a.concepts
      .filter((m) => !a.certifications.includes(m))
      .map((m) => ({ ...span(m), concept: ref(m.ids[0]!), alternatives: m.ids.slice(1).map(ref) })),
    certifications: a.certifications.map((m) => ({ ...span(m), concept: ref(m.ids[0]!) })),
    quantities: a.quantities.map((q) => ({ ...span(q), role: q.role, value: q.value, unit: q.unit, per: q.per })),
    money: a.money.map((m) => ({ ...span(m), currency: m.currency, min: m.min, max: m.max })),
    places: a.places.flatMap((p) => {
      const entry = res.analysis.places.byId.get(p.id);
      if (!entry) return [];
      return [{ ...span(p), id: p.id, name: entry.names[locale][0] ?? entry.names.en[0] ?? p.surface, country: entry.country, kind: entry.kind }];
    }),
    timeFrames: a.timeFrames.map((f) => ({ ...span(f), relation: f.relation, date: f.date, months: f.months })),
  };
}
